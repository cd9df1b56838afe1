import Foundation
import LessonCLI

let code = LessonTool.main(Array(CommandLine.arguments.dropFirst()), console: .standard())
exit(code.rawValue)
