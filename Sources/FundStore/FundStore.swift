// The FundStore module. See docs/architecture.md.
