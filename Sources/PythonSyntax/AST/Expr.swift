/// An expression node: what it is (``ExprKind``, CPython's `ast.expr` subclasses) and where it is.
public struct Expr: Sendable, Hashable {
  /// The node, with CPython's field names.
  public var kind: ExprKind
  /// Where the expression starts and ends in the source.
  public var range: SourceRange

  public init(_ kind: ExprKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// Whether a name, attribute, subscript, starred, list or tuple is read, assigned or deleted.
public enum ExprContext: Sendable, Hashable {
  case load, store, del
}

/// CPython's `ast.expr` node kinds, one case each, with the fields of CPython's `ast` module in its order.
public indirect enum ExprKind: Sendable, Hashable {
  case boolOp(op: BoolOperator, values: [Expr])
  case namedExpr(target: Expr, value: Expr)
  case binOp(left: Expr, op: BinaryOperator, right: Expr)
  case unaryOp(op: UnaryOperator, operand: Expr)
  case lambda(args: Arguments, body: Expr)
  case ifExp(test: Expr, body: Expr, orelse: Expr)
  /// `keys[i]` is `nil` for a `**mapping` entry.
  case dict(keys: [Expr?], values: [Expr])
  case set(elts: [Expr])
  case listComp(elt: Expr, generators: [Comprehension])
  case setComp(elt: Expr, generators: [Comprehension])
  case dictComp(key: Expr, value: Expr, generators: [Comprehension])
  case generatorExp(elt: Expr, generators: [Comprehension])
  case await(value: Expr)
  case yield(value: Expr?)
  case yieldFrom(value: Expr)
  case compare(left: Expr, ops: [CompareOperator], comparators: [Expr])
  case call(func: Expr, args: [Expr], keywords: [Keyword])
  /// `conversion` is -1 (none) or the code of `s`, `r` or `a` (115, 114, 97), as in CPython.
  case formattedValue(value: Expr, conversion: Int, formatSpec: Expr?)
  case joinedStr(values: [Expr])
  /// `kind` is `"u"` for a `u"..."` string, `nil` otherwise.
  case constant(value: Constant, kind: String?)
  case attribute(value: Expr, attr: String, ctx: ExprContext)
  case `subscript`(value: Expr, slice: Expr, ctx: ExprContext)
  case starred(value: Expr, ctx: ExprContext)
  case name(id: String, ctx: ExprContext)
  case list(elts: [Expr], ctx: ExprContext)
  case tuple(elts: [Expr], ctx: ExprContext)
  case slice(lower: Expr?, upper: Expr?, step: Expr?)
}

/// A literal value as CPython's `ast.Constant` holds it.
public enum Constant: Sendable, Hashable {
  case none
  case bool(Bool)
  case ellipsis
  /// An integer of any size, in decimal digits (with a leading `-` never: literals are not negative).
  case int(String)
  case float(Double)
  /// An imaginary literal (`1.5j`): the imaginary part.
  case complex(imag: Double)
  case str(String)
  case bytes([UInt8])
}

/// `and`, `or`.
public enum BoolOperator: String, Sendable, Hashable {
  case and = "And"
  case or = "Or"
}

/// The binary operators, named as CPython's `ast` names them.
public enum BinaryOperator: String, Sendable, Hashable {
  case add = "Add"
  case sub = "Sub"
  case mult = "Mult"
  case matMult = "MatMult"
  case div = "Div"
  case mod = "Mod"
  case pow = "Pow"
  case lShift = "LShift"
  case rShift = "RShift"
  case bitOr = "BitOr"
  case bitXor = "BitXor"
  case bitAnd = "BitAnd"
  case floorDiv = "FloorDiv"
}

/// `~`, `not`, unary `+` and `-`.
public enum UnaryOperator: String, Sendable, Hashable {
  case invert = "Invert"
  case not = "Not"
  case uAdd = "UAdd"
  case uSub = "USub"
}

/// The comparison operators.
public enum CompareOperator: String, Sendable, Hashable {
  case eq = "Eq"
  case notEq = "NotEq"
  case lt = "Lt"
  case ltE = "LtE"
  case gt = "Gt"
  case gtE = "GtE"
  case `is` = "Is"
  case isNot = "IsNot"
  case `in` = "In"
  case notIn = "NotIn"
}
