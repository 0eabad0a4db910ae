import FundStore
import Testing

@testable import FundServer

@Suite("The navigation: one list of menus by area, by role")
struct NavigationTests {
    static func hrefs(_ menus: [Navigation.Menu]) -> [String] { menus.flatMap { $0.links.map(\.href) } }

    @Test func eachPageIsListedOnce() {
        let all = Navigation.groups.flatMap { $0.entries.map(\.href) }
        #expect(Set(all).count == all.count)
        #expect(Navigation.groups.allSatisfy { !$0.entries.isEmpty })
    }

    @Test func eachRoleSeesWhatItMayOpen() {
        let admin = Self.hrefs(Navigation.menus(for: .admin, active: ""))
        #expect(admin.contains("/users") && admin.contains("/audit") && admin.contains("/imports"))
        let city = Self.hrefs(Navigation.menus(for: .cityHandler, active: ""))
        #expect(!city.contains("/users") && !city.contains("/audit") && !city.contains("/imports"))
        #expect(city.contains("/findings") && city.contains("/account"))
        let auditor = Self.hrefs(Navigation.menus(for: .auditor, active: ""))
        #expect(auditor.contains("/audit") && !auditor.contains("/imports"))
        #expect(Navigation.menus(for: nil, active: "/findings").isEmpty)
    }

    @Test func aGroupWithOneVisibleLinkIsThatLinkAndAnEmptyOneIsLeftOut() {
        let groups = [
            Navigation.Group(label: "甲", entries: [.init("/a", "A"), .init("/b", "B", .administrators)]),
            Navigation.Group(label: "乙", entries: [.init("/c", "C", .auditors)]),
            Navigation.Group(label: "丙", entries: [.init("/d", "D"), .init("/e", "E")]),
        ]
        let city = Navigation.menus(for: .cityHandler, active: "/e", groups: groups)
        #expect(city.map(\.label) == ["甲", "丙"])
        #expect(city[0].single?.href == "/a" && !city[0].isMenu)
        #expect(city[1].isMenu && city[1].active && city[1].links.map(\.active) == [false, true])
        #expect(Navigation.menus(for: .admin, active: "", groups: groups)[0].isMenu)
    }

    @Test func theLayoutDrawsMenusAndMarksTheCurrentOne() {
        let renderer = PageRenderer()
        let html = renderer.render(
            "layout",
            LayoutModel(
                title: "t", signedIn: true, userDisplay: "甲", roleName: "省级监督员", regionName: nil,
                nav: Navigation.menus(for: .supervisor, active: "/casework/assessments"), csrf: "c", flash: nil,
                flashError: nil, body: "<table></table>"))
        #expect(html.contains("<details class=\"menu active\" name=\"nav\"><summary>经办</summary>"))
        #expect(html.contains("<a href=\"/casework/assessments\" class=\"active\" aria-current=\"page\">劳动能力鉴定</a>"))
        #expect(html.contains("<details class=\"menu\" name=\"nav\"><summary>监测</summary>"))
        #expect(
            PageRenderer.scrollingTables("<table><tr></tr></table>")
                == "<div class=\"table-wrap\"><table><tr></tr></table></div>")
    }
}
