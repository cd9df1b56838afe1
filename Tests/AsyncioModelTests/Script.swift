import AsyncioModel
import Foundation

/// A coroutine written as a list of steps, for building the scenarios of `scenarios.py` on the
/// model: each step either does something at once or awaits something and logs how it went, as
/// the Python helper `step(label, awaitable)` does.
final class Script: Coroutine {
  enum Step {
    /// Does something synchronously.
    case run((Task) -> Void)
    /// Awaits what the closure makes, logs `label ok VALUE` or `label raised KIND`, and raises
    /// the error on when `reraise`.
    case await(String, reraise: Bool, (Task) -> Awaitable)
    /// Awaits without logging, raising whatever it raises.
    case quietly((Task) -> Awaitable)
    /// Returns a value from the script.
    case returning(String?)
    /// Raises `RuntimeError(message)`.
    case fail(String)
  }

  let log: ScenarioLog
  var steps: [Step]
  private var index = 0
  private var pending: (label: String?, reraise: Bool)?
  /// Runs when the script ends, however it ends (`finally`).
  var finally: ((Task) -> Void)?

  init(_ log: ScenarioLog, _ steps: [Step], finally: ((Task) -> Void)? = nil) {
    self.log = log
    self.steps = steps
    self.finally = finally
  }

  func resume(_ input: Resumption, in task: Task) -> CoroutineStep {
    if let (label, reraise) = pending {
      pending = nil
      switch input {
      case .value(let value):
        if let label { log.add(task.loop, label, "ok " + ScenarioLog.describe(value)) }
      case .error(let error):
        if let label { log.add(task.loop, label, "raised " + ScenarioLog.kind(error, task.loop)) }
        if reraise || label == nil { return end(task, .raised(error)) }
      }
    } else if case .error(let error) = input {
      return end(task, .raised(error))
    }
    while index < steps.count {
      let step = steps[index]
      index += 1
      switch step {
      case .run(let body): body(task)
      case .await(let label, let reraise, let make):
        pending = (label, reraise)
        return make(task).awaitStep
      case .quietly(let make):
        pending = (nil, true)
        return make(task).awaitStep
      case .returning(let text): return end(task, .returned(text.map(LoopString.init)))
      case .fail(let message): return end(task, .raised(BasicLoopError(.other, "RuntimeError: " + message)))
      }
    }
    return end(task, .returned(nil))
  }

  private func end(_ task: Task, _ step: CoroutineStep) -> CoroutineStep {
    finally?(task)
    return step
  }
}

/// The `time label event` lines a scenario logs.
final class ScenarioLog {
  var lines: [String] = []

  func add(_ loop: EventLoop, _ label: String, _ event: String) {
    lines.append(String(format: "%.3f", loop.time) + " \(label) \(event)")
  }

  static func describe(_ value: LoopValue) -> String {
    switch value {
    case nil: return "None"
    case let text as LoopString: return text.text
    case let values as GatheredValues:
      return "[" + values.items.map { item in
        switch item {
        case .value(let value): describe(value)
        case .error(let error): kind(error, nil)
        }
      }.joined(separator: ",") + "]"
    case is TrueValue: return "True"
    default: return "\(value!)"
    }
  }

  static func kind(_ error: LoopError, _ loop: EventLoop?) -> String {
    switch error.category {
    case .cancelled: return "CancelledError"
    case .timeout: return "TimeoutError"
    case .group: return "ExceptionGroup"
    default:
      let message = (error as? BasicLoopError)?.message ?? ""
      if let colon = message.firstIndex(of: ":") { return String(message[..<colon]) }
      return message
    }
  }
}

/// `True`, for scenarios.
final class TrueValue {}

/// The host of the scenarios: basic exceptions, and a `True` object.
final class ScenarioHost: LoopHost {
  let truth = TrueValue()
  var trueValue: LoopValue { truth }
  func cancelledError(message: LoopValue) -> LoopError { BasicLoopHost.shared.cancelledError(message: message) }
  func timeoutError() -> LoopError { BasicLoopError(.timeout, "TimeoutError") }
  func runtimeError(_ message: String) -> LoopError { BasicLoopError(.other, "RuntimeError: " + message) }
  func invalidStateError(_ message: String) -> LoopError { BasicLoopError(.other, "InvalidStateError: " + message) }
  func exceptionGroup(_ message: String, _ errors: [LoopError]) -> LoopError {
    BasicLoopError(.group, message, members: errors)
  }
  func cancelMessage(of error: LoopError) -> LoopValue { BasicLoopHost.shared.cancelMessage(of: error) }
  func valueError(_ message: String) -> LoopError { BasicLoopError(.other, "ValueError: " + message) }
  func queueError(_ kind: QueueErrorKind) -> LoopError { BasicLoopError(.other, kind.rawValue) }
}
