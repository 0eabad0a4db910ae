#!/bin/sh
# Regenerates Sources/Screening/Configuration/DefaultRulesConfiguration.swift from rules.yaml,
# so the built-in default configuration is exactly the documented file.
set -eu
cd "$(dirname "$0")/.."
out=Sources/Screening/Configuration/DefaultRulesConfiguration.swift
if grep -q '"""#' rules.yaml; then echo "rules.yaml must not contain \"\"\"#" >&2; exit 1; fi
{
    echo '/// The built-in default rules configuration: the text of the repository'"'"'s `rules.yaml`.'
    echo '///'
    echo '/// Kept as a Swift string (not a resource bundle) so the library needs no'
    echo '/// bundle at run time. `DefaultConfigurationTests` fails if the two differ;'
    echo '/// after editing `rules.yaml`, regenerate this file with `Scripts/embed-rules-yaml.sh`.'
    echo 'public enum DefaultRulesConfiguration {'
    echo '    public static let yaml = #"""'
    cat rules.yaml
    echo ''
    echo '"""#'
    echo '}'
} > "$out"
