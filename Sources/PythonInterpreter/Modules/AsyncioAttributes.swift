import AsyncioModel

/// The attributes CPython 3.10 to 3.13 give asyncio's objects (`dir()` of each, all four versions
/// together), less those every object has: an attribute lesson lacks is refused when it is one of
/// these, never an `AttributeError` that Python would not raise.
enum AsyncioAttributes {
  static let loop: Set<String> = [
    "__del__", "__dict__", "__firstlineno__", "__module__", "__static_attributes__", "__weakref__",
    "_accept_connection", "_accept_connection2", "_add_callback", "_add_callback_signalsafe", "_add_reader",
    "_add_writer", "_asyncgen_finalizer_hook", "_asyncgen_firstiter_hook", "_asyncgens",
    "_asyncgens_shutdown_called", "_call_soon", "_check_callback", "_check_closed", "_check_default_executor",
    "_check_running", "_check_sendfile_params", "_check_signal", "_check_thread", "_child_watcher_callback",
    "_clock_resolution", "_close_self_pipe", "_closed", "_connect_sock", "_coroutine_origin_tracking_enabled",
    "_coroutine_origin_tracking_saved_depth", "_create_connection_transport", "_create_server_getaddrinfo",
    "_csock", "_current_handle", "_debug", "_default_executor", "_do_shutdown", "_ensure_fd_no_transport",
    "_ensure_resolved", "_exception_handler", "_executor_shutdown_called", "_getaddrinfo_debug",
    "_handle_signal", "_internal_fds", "_log_subprocess", "_make_datagram_transport",
    "_make_read_pipe_transport", "_make_self_pipe", "_make_socket_transport", "_make_ssl_transport",
    "_make_subprocess_transport", "_make_write_pipe_transport", "_old_agen_hooks", "_process_events",
    "_process_self_data", "_read_from_self", "_ready", "_remove_reader", "_remove_writer",
    "_run_forever_cleanup", "_run_forever_setup", "_run_once", "_scheduled", "_selector", "_sendfile_fallback",
    "_sendfile_native", "_set_coroutine_origin_tracking", "_signal_handlers", "_sock_accept",
    "_sock_add_cancellation_callback", "_sock_connect", "_sock_connect_cb", "_sock_read_done", "_sock_recv",
    "_sock_recv_into", "_sock_recvfrom", "_sock_recvfrom_into", "_sock_sendall", "_sock_sendfile_fallback",
    "_sock_sendfile_native", "_sock_sendfile_native_impl", "_sock_sendfile_update_filepos", "_sock_sendto",
    "_sock_write_done", "_ssock", "_start_serving", "_stop_serving", "_stopping", "_task_factory", "_thread_id",
    "_timer_cancelled_count", "_timer_handle_cancelled", "_transports", "_unix_server_sockets",
    "_write_to_self", "add_reader", "add_signal_handler", "add_writer", "call_at", "call_exception_handler",
    "call_later", "call_soon", "call_soon_threadsafe", "close", "connect_accepted_socket", "connect_read_pipe",
    "connect_write_pipe", "create_connection", "create_datagram_endpoint", "create_future", "create_server",
    "create_task", "create_unix_connection", "create_unix_server", "default_exception_handler", "get_debug",
    "get_exception_handler", "get_task_factory", "getaddrinfo", "getnameinfo", "is_closed", "is_running",
    "remove_reader", "remove_signal_handler", "remove_writer", "run_forever", "run_in_executor",
    "run_until_complete", "sendfile", "set_debug", "set_default_executor", "set_exception_handler",
    "set_task_factory", "shutdown_asyncgens", "shutdown_default_executor", "slow_callback_duration",
    "sock_accept", "sock_connect", "sock_recv", "sock_recv_into", "sock_recvfrom", "sock_recvfrom_into",
    "sock_sendall", "sock_sendfile", "sock_sendto", "start_tls", "stop", "subprocess_exec", "subprocess_shell",
    "time"
  ]
  static let future: Set<String> = [
    "__await__", "__class_getitem__", "__del__", "__iter__", "__module__", "_asyncio_future_blocking",
    "_callbacks", "_cancel_message", "_exception", "_log_traceback", "_loop", "_make_cancelled_error",
    "_repr_info", "_result", "_source_traceback", "_state", "add_done_callback", "cancel", "cancelled", "done",
    "exception", "get_loop", "remove_done_callback", "result", "set_exception", "set_result"
  ]
  static let task: Set<String> = [
    "__await__", "__class_getitem__", "__del__", "__iter__", "__module__", "_asyncio_future_blocking",
    "_callbacks", "_cancel_message", "_coro", "_exception", "_fut_waiter", "_log_destroy_pending",
    "_log_traceback", "_loop", "_make_cancelled_error", "_must_cancel", "_repr_info", "_result",
    "_source_traceback", "_state", "add_done_callback", "cancel", "cancelled", "cancelling", "done",
    "exception", "get_context", "get_coro", "get_loop", "get_name", "get_stack", "print_stack",
    "remove_done_callback", "result", "set_exception", "set_name", "set_result", "uncancel"
  ]
  static let queue: Set<String> = [
    "__class_getitem__", "__dict__", "__firstlineno__", "__module__", "__static_attributes__", "__weakref__",
    "_finished", "_format", "_get", "_get_loop", "_getters", "_init", "_is_shutdown", "_loop", "_maxsize",
    "_put", "_putters", "_queue", "_unfinished_tasks", "_wakeup_next", "empty", "full", "get", "get_nowait",
    "join", "maxsize", "put", "put_nowait", "qsize", "shutdown", "task_done"
  ]
  static let semaphore: Set<String> = [
    "__aenter__", "__aexit__", "__dict__", "__firstlineno__", "__module__", "__static_attributes__",
    "__weakref__", "_get_loop", "_loop", "_value", "_waiters", "_wake_up_next", "acquire", "locked", "release"
  ]
  static let lock: Set<String> = [
    "__aenter__", "__aexit__", "__dict__", "__firstlineno__", "__module__", "__static_attributes__",
    "__weakref__", "_get_loop", "_locked", "_loop", "_waiters", "_wake_up_first", "acquire", "locked", "release"
  ]
  static let event: Set<String> = [
    "__dict__", "__firstlineno__", "__module__", "__static_attributes__", "__weakref__", "_get_loop", "_loop",
    "_value", "_waiters", "clear", "is_set", "set", "wait"
  ]
  static let handle: Set<String> = [
    "__firstlineno__", "__module__", "__slots__", "__static_attributes__", "__weakref__", "_args", "_callback",
    "_cancelled", "_context", "_loop", "_repr", "_repr_info", "_run", "_source_traceback", "cancel",
    "cancelled", "get_context"
  ]
  static let timerHandle: Set<String> = [
    "__firstlineno__", "__module__", "__slots__", "__static_attributes__", "__weakref__", "_args", "_callback",
    "_cancelled", "_context", "_loop", "_repr", "_repr_info", "_run", "_scheduled", "_source_traceback",
    "_when", "cancel", "cancelled", "get_context", "when"
  ]
  static let coroutine: Set<String> = [
    "__await__", "__class_getitem__", "__del__", "__name__", "__qualname__", "close", "cr_await", "cr_code",
    "cr_frame", "cr_origin", "cr_running", "cr_suspended", "send", "throw"
  ]

  /// Attributes that appeared in a later version (its minor number), and ones a later version
  /// dropped (the last minor that has them).
  static let since: [String: Int] = [
    "__class_getitem__": 13, "__firstlineno__": 13, "__getstate__": 11, "__module__": 12,
    "__static_attributes__": 13, "_is_shutdown": 13, "_old_agen_hooks": 13, "_run_forever_cleanup": 13,
    "_run_forever_setup": 13, "_sock_recvfrom": 11, "_sock_recvfrom_into": 11, "_sock_sendto": 11,
    "_unix_server_sockets": 13, "cancelling": 11, "cr_suspended": 11, "get_context": 12, "shutdown": 13,
    "sock_recvfrom": 11, "sock_recvfrom_into": 11, "sock_sendto": 11, "uncancel": 11
  ]
  static let until: [String: Int] = [
    "_repr_info": 10
  ]

  /// Whether CPython `minor` gives one of `names` the attribute `name`.
  static func has(_ name: String, in names: Set<String>, minor: Int) -> Bool {
    names.contains(name) && (since[name] ?? 10) <= minor && minor <= (until[name] ?? 13)
  }

  /// What CPython calls the kind of asyncio object `o` is, and its attributes there; nil for
  /// any other object.
  static func cpython(_ o: PyObject) -> (kind: String, names: Set<String>, hasDict: Bool)? {
    switch o {
    case is LoopObject: ("event loop", loop, true)
    case let f as FutureObject: f.future is AsyncioModel.Task ? ("Task", task, false) : ("Future", future, false)
    case is QueueObject: ("Queue", queue, true)
    case is SemaphoreObject: ("Semaphore", semaphore, true)
    case is LockObject: ("Lock", lock, true)
    case is EventObject: ("Event", event, true)
    case let h as HandleObject: h.handle is TimerHandle ? ("TimerHandle", timerHandle, false) : ("Handle", handle, false)
    case let a as AwaitableObject where a.type === Types.coroutine: ("coroutine", coroutine, false)
    default: nil
    }
  }
}
