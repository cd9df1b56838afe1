import Foundation
import LessonCLI

// On a thread with the stack the interpreter needs: a learner's program then runs where it is
// checked, rather than on a thread it is handed to.
let code = LessonTool.onLargeStack { LessonTool.main(Array(CommandLine.arguments.dropFirst()), console: .standard()) }
exit(code.rawValue)
