import PythonValues
import Testing

/// The value types cross threads freely (a grader runs many interpreters at once); the
/// argument wrappers that carry the VM's closures do not.
@Suite struct SendableTests {
  static func requireSendable<T: Sendable>(_: T.Type) {}

  @Test func valueTypesAreSendable() {
    Self.requireSendable(BigInt.self)
    Self.requireSendable(PythonValuesError.self)
    Self.requireSendable(PythonRelease.self)
    Self.requireSendable(FormatSpec.self)
    Self.requireSendable(FormatSpec.Grouping.self)
    Self.requireSendable(PercentOperand.self)
    Self.requireSendable(PyFloat.Code.self)
    Self.requireSendable(PyStringFormat.FieldKey.self)
    Self.requireSendable(PyStringFormat.Accessor.self)
    Self.requireSendable(PyRandom.self)
    Self.requireSendable(PyFloatSum.self)
    Self.requireSendable(PySlice.Indices.self)
    Self.requireSendable(PyFloat.ExactMean.self)
  }
}
