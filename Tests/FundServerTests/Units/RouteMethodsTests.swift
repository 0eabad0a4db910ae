import Hummingbird
import Testing

@testable import FundServer

/// 405's `Allow`: the methods of the routes that answer a path, the most specific routes first.
@Suite("Route methods (405 and Allow)")
struct RouteMethodsTests {
    static func table() -> RouteMethods {
        let methods = RouteMethods()
        methods.load([
            ("/rules", .get), ("/rules", .post), ("/rules/trial", .post), ("/rules/{id}", .get), ("/rules/{id}", .post),
            ("/findings/:id", .get), ("/findings/:id/steps", .post),
        ])
        return methods
    }

    @Test("a literal route names its own methods, not those of a parameter route beside it")
    func literalBeforeParameter() {
        #expect(Self.table().methods(for: "/rules/trial") == ["POST"])
        #expect(Self.table().methods(for: "/rules/R04") == ["GET", "HEAD", "POST"])
    }

    @Test("parameters match one segment; an unknown path has no methods")
    func parameters() {
        #expect(Self.table().methods(for: "/findings/F1") == ["GET", "HEAD"])
        #expect(Self.table().methods(for: "/findings/F1/steps") == ["POST"])
        #expect(Self.table().methods(for: "/nowhere").isEmpty)
        #expect(Self.table().methods(for: "/findings/F1/steps/2").isEmpty)
    }
}
