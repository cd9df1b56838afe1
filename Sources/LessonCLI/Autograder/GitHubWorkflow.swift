import LessonKit

/// A GitHub Actions workflow for a GitHub Classroom assignment: on every push, download the
/// course archive (`lesson-course.tar.gz` from `.ci/release`) and run its `lesson check N` on the
/// learner's `workspace/`. The runner needs no Swift.
struct GitHubWorkflow {
  let course: Course
  let lesson: Int
  /// Where the archive is; `nil` reads the `LESSON_COURSE_URL` variable of the repository or organization.
  let url: String?

  var yaml: String {
    let source = url.map(Self.quoted) ?? "${{ vars.LESSON_COURSE_URL }}"
    return """
      # GitHub Classroom: checks lesson \(lesson) of \(Self.quoted(course.title)) on every push, with the
      # lesson program from the course archive (no Swift needed). Made by 'lesson autograder github \(lesson)'.
      name: lesson \(lesson)
      on:
        push:
        workflow_dispatch:
      permissions:
        contents: read
      jobs:
        check:
          name: lesson check \(lesson)
          runs-on: ubuntu-latest
          timeout-minutes: 10
          env:
            LESSON_COURSE_URL: \(source)
          steps:
            - name: Check out the submission
              uses: actions/checkout@v4
            - name: Download the course
              run: |
                if [ -z "$LESSON_COURSE_URL" ]; then
                  echo "::error::set LESSON_COURSE_URL (a repository or organization variable) to the URL of lesson-course.tar.gz"
                  exit 1
                fi
                mkdir -p "$RUNNER_TEMP/course"
                curl --fail --silent --show-error --location --retry 3 "$LESSON_COURSE_URL" | tar -xz -C "$RUNNER_TEMP/course"
                "$RUNNER_TEMP/course/lesson-course/lesson" list --course "$RUNNER_TEMP/course/lesson-course" --workspace workspace > /dev/null
            - name: lesson check \(lesson)
              run: |
                "$RUNNER_TEMP/course/lesson-course/lesson" check \(lesson) --course "$RUNNER_TEMP/course/lesson-course" --workspace workspace

      """
  }

  /// `text` as a double-quoted YAML scalar.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for char in text {
      switch char {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n", "\r", "\t": out += " "
      default: out.append(char)
      }
    }
    return out + "\""
  }
}
