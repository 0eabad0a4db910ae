import Foundation
import Testing

@testable import FundServer

@Suite("Form parsing: URL-encoded and multipart")
struct RequestFormTests {
    @Test func urlEncodedDecodesPercentPlusAndRepeats() {
        let form = RequestForm.urlEncoded(Array("a=1&name=%E5%BC%A0+%E4%B8%89&a=2&empty=&flag".utf8))
        #expect(form.fields["a"] == ["1", "2"])
        #expect(form["name"] == "张 三")
        #expect(form["empty"] == nil)
        #expect(form.raw("empty") == "")
        #expect(form.raw("flag") == "")
    }

    @Test func trimsButRawKeepsSpaces() {
        let form = RequestForm.urlEncoded(Array("p=+pass+".utf8))
        #expect(form["p"] == "pass")
        #expect(form.raw("p") == " pass ")
    }

    @Test func multipartFieldsAndFiles() throws {
        let body = """
            --XyZ\r
            Content-Disposition: form-data; name="_csrf"\r
            \r
            tok\r
            --XyZ\r
            Content-Disposition: form-data; name="file"; filename="C:\\\\scans\\\\证明.pdf"\r
            Content-Type: application/pdf\r
            \r
            %PDF-1\r
            line2\r
            --XyZ--\r

            """
        let form = try #require(RequestForm.multipart(Array(body.utf8), boundary: "XyZ"))
        #expect(form["_csrf"] == "tok")
        #expect(form.files.count == 1)
        #expect(form.files[0].fileName == "证明.pdf")
        #expect(form.files[0].contentType == "application/pdf")
        #expect(String(decoding: form.files[0].data, as: UTF8.self) == "%PDF-1\r\nline2")
    }

    @Test func malformedMultipartIsRejected() {
        #expect(RequestForm.multipart(Array("no boundary here".utf8), boundary: "XyZ") == nil)
        #expect(
            RequestForm.multipart(
                Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated".utf8), boundary: "XyZ")
                == nil)
    }

    @Test func boundaryFromContentType() {
        #expect(RequestForm.boundary(contentType: "multipart/form-data; boundary=\"ab cd\"") == "ab cd")
        #expect(RequestForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
    }
}
