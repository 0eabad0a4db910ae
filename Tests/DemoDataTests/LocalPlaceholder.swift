// Local placeholder (not committed): main lacks Tests/DemoDataTests.
