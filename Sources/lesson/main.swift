import Foundation
import LessonCLI

#if canImport(Glibc)
  import Glibc

  // The work runs on one thread of its own (below), and glibc gives such a thread an arena that
  // grows a page at a time, one mprotect call each: a run of 100,000 calls spent a tenth of its
  // time there. One arena, grown 16 MB at a time, serves it. `grade` keeps an arena per thread:
  // with --jobs 0 it grades on every core in this process.
  // (`mallopt` is in <malloc.h>, which Glibc's module does not bring in; M_ARENA_MAX is -8 and
  // M_TOP_PAD -2 there.)
  if CommandLine.arguments.dropFirst().first != "grade", let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-8, 1)
    _ = mallopt(-2, 16 << 20)
  }
#endif

if CommandLine.arguments.dropFirst().first != "grade" { LessonTool.measureProgramsByThisProcess() }

// On a thread with the stack the interpreter needs: a learner's program then runs where it is
// checked, rather than on a thread it is handed to.
let code = LessonTool.onLargeStack { LessonTool.main(Array(CommandLine.arguments.dropFirst()), console: .standard()) }
exit(code.rawValue)
