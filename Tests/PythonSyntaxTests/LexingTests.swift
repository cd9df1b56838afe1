import AsyncioModel
import Testing

@testable import PythonSyntax

/// The tricky corners of tokenizing, each checked against what CPython printed for it.
@Suite struct LexingTests {
  /// A source, a version, and CPython's `ast.dump` or error for it.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let version: PythonVersion
    let expected: String
    var testDescription: String { "\(name) (\(version))" }
  }

  static let cases: [Case] = [
    Case(
      name: "nested f-string reusing the quote", source: "f\"{f\"{1}\"}\"\n", version: .v3_12,
      expected:
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Constant(value=1), conversion=-1)]), conversion=-1)]))], type_ignores=[])"
    ),
    Case(
      name: "nested f-string reusing the quote", source: "f\"{f\"{1}\"}\"\n", version: .v3_11,
      expected: "SyntaxError: f-string: expecting '}' (line 1, offset 6)"),
    Case(
      name: "implicit line joining", source: "x = (1 +\n     2)\n", version: .v3_10,
      expected:
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])"
    ),
    Case(
      name: "a tab indents", source: "if x:\n\ty = 1\n", version: .v3_13,
      expected:
        "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=1))])])"
    ),
    Case(
      name: "CRLF line endings", source: "if x:\r\n    y = 1\r\n", version: .v3_13,
      expected:
        "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=1))])])"
    ),
    Case(
      name: "CRLF inside a triple-quoted string becomes LF", source: "s = '''a\r\nb'''\r\n",
      version: .v3_13,
      expected:
        "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=Constant(value='a\\nb'))])"),
    Case(
      name: "3.12.1 ends a spec ending in a field with ''", source: "s = f\"{x:{y}}\" \"a\"\n",
      version: .v3_12,
      expected:
        "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1), Constant(value='')])), Constant(value='a')]))], type_ignores=[])"
    ),
    Case(
      name: "3.11 does not", source: "s = f\"{x:{y}}\" \"a\"\n", version: .v3_11,
      expected:
        "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)])), Constant(value='a')]))], type_ignores=[])"
    ),
    Case(
      name: "tabs and spaces mixed", source: "if x:\n        a = 1\n\tb = 2\n", version: .v3_12,
      expected: "TabError: inconsistent use of tabs and spaces in indentation (line 3, offset 1)"),
    Case(
      name: "backslash continuation", source: "x = 1 + \\\n    2\n", version: .v3_10,
      expected:
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])"
    ),
    Case(
      name: "no newline at the end", source: "if x:\n    pass", version: .v3_13,
      expected: "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()])])"),
  ]

  @Test(arguments: cases)
  func matchesCPython(_ c: Case) {
    #expect(RecordedCorpus.outcome(of: c.source, version: c.version).description == c.expected)
  }

  @Test func indentsAndDedentsBalance() throws {
    let source = SourceText("if a:\n    if b:\n        c\n    d\ne\n")
    var lexer = Lexer(source: source, version: .v3_12)
    let kinds = try lexer.tokenize().map(\.kind)
    #expect(
      kinds == [
        .kwIf, .name, .colon, .newline, .indent, .kwIf, .name, .colon, .newline, .indent, .name,
        .newline, .dedent, .name, .newline, .dedent, .name, .newline, .endMarker,
      ])
  }

  @Test func tokensCarryCPythonPositions() throws {
    let source = SourceText("x = 1\nif é:\n\ty = 'a'\n")
    var lexer = Lexer(source: source, version: .v3_12)
    let tokens = try lexer.tokenize()
    let y = try #require(tokens.first { $0.kind == .name && source.text($0.start, $0.end) == "y" })
    #expect(y.startLocation == SourceLocation(line: 3, column: 1))
    let string = try #require(tokens.first { $0.kind == .string })
    #expect(string.startLocation == SourceLocation(line: 3, column: 5))
    #expect(string.endLocation == SourceLocation(line: 3, column: 8))
  }

  @Test func bytesEntryPointDropsTheByteOrderMark() throws {
    let module = try PythonParser.parse(
      utf8: [0xEF, 0xBB, 0xBF] + Array("x = 1\n".utf8), version: .v3_12)
    #expect(
      module.dump(version: .v3_12)
        == "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"
    )
  }

  @Test func invalidUTF8IsAUnicodeError() {
    #expect(
      throws: PythonSyntaxError(
        .syntaxError,
        "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
        line: 2, offset: 1)
    ) {
      try PythonParser.parse(utf8: Array("x = 1\n".utf8) + [0xFF, 0x0A], version: .v3_12)
    }
  }
}
