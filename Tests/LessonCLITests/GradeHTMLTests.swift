import Foundation
import LessonCLI
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `grade --format html`, read back as XML: every section, the timeline, the sortable table and
/// the feedback links, and nothing that would be fetched from elsewhere. `Tests/Browser/check_report.sh`
/// renders the same kind of page in Chromium.
@Suite struct GradeHTMLTests {
  /// amy fails (the starter), bob passes, cy and dan time out while queueing (the most common
  /// mistake, so cy's run is drawn), zoë's file is not JSON.
  func makeClass(in directory: String) throws -> ClassFolder {
    let folder = try ClassFolder(in: directory)
    try folder.copy(ClassFolder.starter3, to: "amy.json")
    try folder.copy(ClassFolder.solution3, to: "bob.json")
    let solution = try String(contentsOfFile: ClassFolder.course + "/" + ClassFolder.solution3, encoding: .utf8)
    let queued = solution.replacingOccurrences(
      of: "\"timeout\": 0.15,", with: "\"timeout\": 0.15, \"timeoutScope\": \"queue\",")
    #expect(queued != solution)
    try folder.put(Data(queued.utf8), at: "cy/more_tools3.json")
    try folder.put(Data(queued.utf8), at: "dan.json")
    try folder.put(Data("{\"limit\": 3, \"calls\": [".utf8), at: "zoë & <co>.json")
    return folder
  }

  func page(_ text: String) throws -> XMLElement {
    let document = try XMLDocument(data: Data(text.utf8))
    return try #require(document.rootElement())
  }

  func nodes(_ root: XMLElement, _ path: String) throws -> [XMLNode] { try root.nodes(forXPath: path) }

  @Test func thePageHasEverySectionAndIsSelfContained() throws {
    try withWorkspace { directory in
      let folder = try makeClass(in: directory)
      try FileManager.default.createDirectory(atPath: directory + "/out", withIntermediateDirectories: true)
      let output = directory + "/out/class.html"
      let run = grade(["3", folder.root, "--output", output, "--feedback", directory + "/feedback"], in: directory)
      #expect(run.code == .failure)
      let text = try String(contentsOfFile: output, encoding: .utf8)
      let html = try page(text)
      #expect(html.name == "html")
      // Self-contained: no element loads anything; the only URLs are the XML namespaces.
      #expect(try nodes(html, "//*[@src]").isEmpty)
      #expect(try nodes(html, "//*[local-name()='link']").isEmpty)
      #expect(!text.contains("url(") && !text.contains("@import"))
      let urls = text.matches(of: /https?:\/\/[^"\s<]*/).map { String($0.output) }
      #expect(Set(urls) == ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"])
      #expect(try nodes(html, "//*[local-name()='style']").count == 1)
      #expect(try nodes(html, "//*[local-name()='script']").count == 1)
      #expect(text.contains("@media print"))

      // Pass rate per lesson.
      let rate = try nodes(html, "//*[@id='pass-rates']//*[@data-lesson='3']//*[@class='rate']")
      #expect(rate.first?.stringValue == "1/5 (20%)")
      // The histogram: one row per mistake, the most common first.
      let mistakes = try nodes(html, "//*[@id='mistakes']//*[@data-mistake]/@data-mistake").compactMap(\.stringValue)
      #expect(
        mistakes.count == 3 && mistakes.contains("timeout-outside-semaphore") && mistakes.contains("missing-calls"))

      // The timeline of a failing run: one group per call, waiting and running bars.
      let svg = "//*[local-name()='svg']"
      #expect(try nodes(html, svg).count == 1)
      let calls = try nodes(html, svg + "//*[local-name()='g'][@class='call']")
      let drawn = try #require(try nodes(html, "//*[@id='timeline']//*[local-name()='p']").first?.stringValue)
      #expect(drawn.hasPrefix("cy, lesson 3 (cy/more_tools3.json): timeout-outside-semaphore."))
      #expect(calls.count == 8)
      // Five calls wait for a slot and time out while waiting; database and slow_tool time out running.
      #expect(try nodes(html, svg + "//*[local-name()='g'][@data-outcome='timeout']").count == 7)
      #expect(try nodes(html, svg + "//*[local-name()='g']/*[local-name()='rect'][@class='waiting']").count == 5)
      #expect(
        try nodes(html, svg + "//*[local-name()='g']/*[local-name()='rect'][@class='running timeout']").count == 3)

      // The learners: a sortable table, one row per learner, a verdict per lesson, feedback links.
      let headers = try nodes(html, "//*[@id='learner-table']/*[local-name()='thead']//*[local-name()='th']")
      #expect(
        headers.compactMap(\.stringValue) == ["learner", "L3", "passed", "mistakes", "note to review", "feedback"])
      let rows = try nodes(html, "//*[@id='learner-table']//*[@data-learner]/@data-learner").compactMap(\.stringValue)
      #expect(rows == ["amy", "bob", "cy", "dan", "zoë & <co>"])
      let verdicts = try nodes(html, "//*[@id='learner-table']//*[@data-learner]/*[local-name()='td'][2]").compactMap(
        \.stringValue)
      #expect(verdicts[0].hasPrefix("✗ 1/7") && verdicts[1] == "✓ 7/7" && verdicts[4] == "error")
      let links = try nodes(html, "//*[local-name()='a'][@class='feedback']/@href").compactMap(\.stringValue)
      #expect(
        links == [
          "../feedback/amy.md", "../feedback/bob.md", "../feedback/cy.md", "../feedback/dan.md",
          "../feedback/zo%C3%AB____co_.md",
        ])
      for link in links {
        let path = directory + "/out/" + (link.removingPercentEncoding ?? link)
        #expect(FileManager.default.fileExists(atPath: path), "\(link)")
      }
      // The note to review, and the script that sorts (no < or &, so the page stays XML).
      #expect(try nodes(html, "//*[@id='notes']//*[local-name()='dt']").first?.stringValue == "amy, L3")
      let script = try #require(try nodes(html, "//*[local-name()='script']").first?.stringValue)
      #expect(script.contains("addEventListener(\"click\""))
    }
  }

  @Test func theFormatFollowsHTMLExtensionsAndLinksNeedFeedback() throws {
    try withWorkspace { directory in
      let folder = try makeClass(in: directory)
      let output = directory + "/class.htm"
      #expect(grade(["3", folder.root, "--output", output], in: directory).code == .failure)
      let html = try page(try String(contentsOfFile: output, encoding: .utf8))
      #expect(try nodes(html, "//*[local-name()='a']").isEmpty)
      let headers = try nodes(html, "//*[@id='learner-table']//*[local-name()='th']").compactMap(\.stringValue)
      #expect(!headers.contains("feedback"))
      // To standard output with --format html, the same page.
      let stdout = grade(["3", folder.root, "--format", "html"], in: directory)
      #expect(stdout.out == (try String(contentsOfFile: output, encoding: .utf8)))
    }
  }

  @Test func aClassThatAllPassesHasNoTimeline() throws {
    try withWorkspace { directory in
      let folder = try ClassFolder(in: directory)
      try folder.copy(ClassFolder.solution3, to: "bob.json")
      let run = grade(["3", folder.root, "--format", "html"], in: directory)
      #expect(run.code == .success)
      let html = try page(run.out)
      #expect(try nodes(html, "//*[local-name()='svg']").isEmpty)
      #expect(
        try nodes(html, "//*[@id='timeline']/*[local-name()='p']").first?.stringValue == "No failing run to show.")
    }
  }
}
