import AsyncioModel
import GuardedGather
import Testing

/// Compiles only if the public types are `Sendable`.
@Suite struct SendableTests {
  @Test func publicTypesAreSendable() {
    func requireSendable<T: Sendable>(_: T.Type) {}
    requireSendable(GatherBatch.self)
    requireSendable(GatherCall.self)
    requireSendable(GatherTrace.self)
    requireSendable(GatherCallRecord.self)
    requireSendable(GatherFailure.self)
    requireSendable(GatherInterruption.self)
    requireSendable(PythonVersion.self)
  }
}
