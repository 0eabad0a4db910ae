// The DemoData module. See docs/architecture.md.
