#!/bin/sh
# make update-golden: rewrite every expected file of tests/cases.
UPDATE_GOLDEN=1 exec sh "$(dirname "$0")/cli/golden.t"
