import Foundation
import FundApp
import FundModel
import Screening

extension ScreeningJob {
    /// Writes the findings in the interchange format chosen by the file's extension.
    static func write(_ findings: [Finding], as format: FindingsFormat, to path: String) throws {
        do {
            try format.encode(findings).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("无法写入 cannot write \(path): \(error.localizedDescription)")
        }
    }
}
