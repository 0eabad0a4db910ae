#!/bin/sh
# Writes rules.yaml from the built-in default (Sources/Screening/Configuration/DefaultRulesConfiguration.swift),
# whose statutory figures come from FundRules' constants: the default is the one source, the file its copy.
set -eu
cd "$(dirname "$0")/.."
swift run -q fundguard rules default > rules.yaml
