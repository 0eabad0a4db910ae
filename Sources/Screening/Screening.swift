// The Screening module. See docs/architecture.md.
