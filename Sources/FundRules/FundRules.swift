// The FundRules module. See docs/architecture.md.
