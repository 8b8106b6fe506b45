# Golden tests: the exact output of the command a user runs.
# Regenerate after an intended change: ZHUNRU_UPDATE_GOLDEN=1 ctest -R golden
# (then review the diff before committing).

# `check`: clean rulesets, and every kind of bad input, in English and Chinese.
zhunru_golden(check-examples ARGS check rules/examples)
zhunru_golden(check-spec ARGS check tests/fixtures/spec)
zhunru_golden(check-zh ARGS check tests/fixtures/zh --lang zh)
foreach(bad typos structure missing-semicolons unterminated-string unterminated-block bad-utf8 chinese literals)
  zhunru_golden(check-bad-${bad} ARGS check tests/fixtures/bad/${bad}.rules --lang en)
endforeach()
zhunru_golden(check-bad-typos-zh ARGS check tests/fixtures/bad/typos.rules --lang zh)
zhunru_golden(check-bad-chinese-zh ARGS check tests/fixtures/bad/chinese.rules --lang zh)
zhunru_golden(check-missing-dir ARGS check tests/fixtures/no-such-dir --lang en)

# `fmt`: canonical layout, and translation in both directions.
zhunru_golden(fmt-spec-tiers ARGS fmt tests/fixtures/spec/tiers.rules)
zhunru_golden(fmt-spec-declarations ARGS fmt tests/fixtures/spec/declarations.rules)
zhunru_golden(fmt-spec-tiers-zh ARGS fmt tests/fixtures/spec/tiers.rules --lang zh)
zhunru_golden(fmt-zh-tiers-en ARGS fmt tests/fixtures/zh/tiers.rules --lang en)
zhunru_golden(fmt-zh-all-chinese-en ARGS fmt tests/fixtures/zh-all/all-chinese.rules --lang en)
zhunru_golden(fmt-comments ARGS fmt tests/fixtures/fmt/comments.rules)
zhunru_golden(fmt-constructs-zh ARGS fmt tests/fixtures/constructs/rules.rules --lang zh)
zhunru_golden(fmt-bad-file ARGS fmt tests/fixtures/bad/typos.rules --lang en)
zhunru_golden(fmt-check-not-canonical ARGS fmt --check tests/fixtures/spec/tiers.rules)

# `eval`: the four verdicts, as text (en, zh) and JSON, and bad input (exit 2).
set(projects tests/fixtures/projects)   # bad input
set(examples examples/projects)         # the four verdicts
zhunru_golden(eval-admit ARGS eval rules/examples --project ${examples}/admit.json --as-of 2025-06-01)
zhunru_golden(eval-conditional-zh ARGS eval rules/examples --project ${examples}/conditional.json --as-of 2025-06-01 --lang zh)
zhunru_golden(eval-reject ARGS eval rules/examples --project ${examples}/reject.json --as-of 2025-06-01)
zhunru_golden(eval-incomplete ARGS eval rules/examples --project ${examples}/incomplete.json --as-of 2025-06-01)
foreach(verdict admit conditional reject incomplete)
  zhunru_golden(eval-${verdict}-json ARGS eval rules/examples --project ${examples}/${verdict}.json --as-of 2025-06-01 --format json)
endforeach()
zhunru_golden(eval-bad-project ARGS eval rules/examples --project ${projects}/bad-dimension.json --as-of 2025-06-01)
zhunru_golden(eval-bad-project-zh ARGS eval rules/examples --project ${projects}/bad-dimension.json --as-of 2025-06-01 --lang zh)
zhunru_golden(eval-outside-territory ARGS eval rules/examples --project ${projects}/outside.json --as-of 2025-06-01)
zhunru_golden(eval-not-json ARGS eval rules/examples --project ${projects}/not-json.json --as-of 2025-06-01)
zhunru_golden(eval-before-effective ARGS eval rules/examples --project ${examples}/admit.json --as-of 2023-01-01)
zhunru_golden(eval-missing-project ARGS eval rules/examples --project ${projects}/no-such.json)
zhunru_golden(eval-bad-as-of ARGS eval rules/examples --project ${examples}/admit.json --as-of 2023-02-30)
zhunru_golden(eval-rule-errors ARGS eval tests/fixtures/bad/typos.rules --project ${examples}/admit.json --as-of 2025-06-01)

# Sites (issue #4): located on the example unit map, judged per unit.
zhunru_golden(eval-site-point ARGS eval rules/examples --project ${examples}/site-point.json --as-of 2025-06-01)
zhunru_golden(eval-site-point-zh ARGS eval rules/examples --project ${examples}/site-point.json --as-of 2025-06-01 --lang zh)
zhunru_golden(eval-site-line-json ARGS eval rules/examples --project ${examples}/site-line.json --as-of 2025-06-01 --format json)
zhunru_golden(eval-bad-site ARGS eval rules/examples --project ${projects}/bad-site.json --as-of 2025-06-01)
zhunru_golden(eval-site-nowhere ARGS eval rules/examples --project ${projects}/site-nowhere.json --as-of 2025-06-01)
zhunru_golden(check-bad-maps ARGS check tests/fixtures/bad-maps)
zhunru_golden(check-bad-maps-zh ARGS check tests/fixtures/bad-maps --lang zh)

# The Chongqing ruleset (issue #5): it checks clean, strictly, and every
# example project's decision is kept.
zhunru_golden(check-chongqing ARGS check --strict rules/chongqing)
set(chongqing_projects bonded-repair-ftz cement-changshou chemical-baitao-park chemical-yangtze-bank
    drinking-water-jiulongpo furniture-gaoxin hydrogen-station-yubei missing-facts night-construction-nanan
    office-yuzhong road-across-units steel-fuling warehouse-liangjiang)
foreach(p ${chongqing_projects})
  zhunru_golden(chongqing-${p} ARGS eval rules/chongqing --project ${examples}/chongqing/${p}.json --as-of 2025-06-01)
endforeach()
zhunru_golden(chongqing-chemical-yangtze-bank-zh ARGS eval rules/chongqing --project ${examples}/chongqing/chemical-yangtze-bank.json --as-of 2025-06-01 --lang zh)
zhunru_golden(chongqing-road-across-units-json ARGS eval rules/chongqing --project ${examples}/chongqing/road-across-units.json --as-of 2025-06-01 --format json)

# The auditor (issue #6, first part): planted problems with witnesses; a clean ruleset.
zhunru_golden(audit-planted ARGS audit tests/fixtures/audit --as-of 2025-06-01)
zhunru_golden(audit-planted-zh ARGS audit tests/fixtures/audit --as-of 2025-06-01 --lang zh)
zhunru_golden(audit-planted-json ARGS audit tests/fixtures/audit --as-of 2025-06-01 --format json)
zhunru_golden(audit-examples-clean ARGS audit rules/examples --as-of 2025-06-01)
zhunru_golden(audit-chongqing ARGS audit rules/chongqing --as-of 2025-06-01)

# `screen`: a batch with a malformed line and a bad fact (NDJSON, verdicts
# only), a CSV with lon/lat columns (answers as CSV, summary in Chinese), and
# the exit code --fail-on gives; `applies` at a point; `schema`.
set(batches tests/fixtures/screen)
zhunru_golden(screen-chongqing-ndjson ARGS screen rules/chongqing --input ${batches}/chongqing.ndjson --as-of 2025-06-01 --verdict-only --threads 2)
zhunru_golden(screen-chongqing-csv-zh ARGS screen rules/chongqing --input ${batches}/chongqing.csv --as-of 2025-06-01 --format csv --lang zh)
zhunru_golden(screen-chongqing-fail-on ARGS screen rules/chongqing --input examples/projects/chongqing --as-of 2025-06-01 --format csv --fail-on reject)
# One pretty-printed project file is a batch of one, not 23 broken NDJSON lines.
zhunru_golden(screen-one-project-file ARGS screen rules/chongqing --input examples/projects/chongqing/cement-changshou.json --as-of 2025-06-01 --verdict-only)
zhunru_golden(screen-bad-csv-column ARGS screen rules/chongqing --input ${batches}/bad-column.csv --as-of 2025-06-01)
zhunru_golden(applies-chongqing-point ARGS applies rules/chongqing --at 106.551,29.563 --industry C2614 --as-of 2025-06-01)
zhunru_golden(applies-chongqing-point-zh-json ARGS applies rules/chongqing --at 106.551,29.563 --as-of 2025-06-01 --format json --lang zh)
zhunru_golden(schema-chongqing ARGS schema rules/chongqing)
zhunru_golden(schema-chongqing-template ARGS schema rules/chongqing --template)

# The applicant's report (`eval --format html`): Chinese by default, English with --lang en.
zhunru_golden(eval-report-html-zh ARGS eval rules/chongqing --project examples/projects/chongqing/chemical-yangtze-bank.json --as-of 2025-06-01 --format html)
zhunru_golden(eval-report-html-en ARGS eval rules/chongqing --project examples/projects/chongqing/road-across-units.json --as-of 2025-06-01 --format html --lang en)

# Interior overlap (examples/overlap, issue #15): a parcel sharing an edge
# with farmland is admitted, one a quarter on it rejected; the rule in Chinese.
zhunru_golden(eval-overlap-shares-an-edge ARGS eval examples/overlap --project examples/overlap/projects/shares-an-edge.json --as-of 2025-06-01)
zhunru_golden(eval-overlap-a-quarter-zh ARGS eval examples/overlap --project examples/overlap/projects/overlaps-a-quarter.json --as-of 2025-06-01 --lang zh)
zhunru_golden(fmt-overlap-zh ARGS fmt examples/overlap/city.rules --lang zh)
# A layer picked by the project's facts (examples/wetland-park, issue #15):
# a boardwalk in the conservation zone, whose plan does not admit tourism;
# a plot whose use is not given, asked for it because it lies in the park.
zhunru_golden(eval-wetland-conservation-zone-zh ARGS eval examples/wetland-park --project examples/wetland-park/projects/boardwalk-in-conservation-zone.json --as-of 2025-06-01 --lang zh)
zhunru_golden(eval-wetland-use-not-given ARGS eval examples/wetland-park --project examples/wetland-park/projects/use-not-given.json --as-of 2025-06-01)
# A geometry beside the site (examples/outfall, issue #15): the plant lies
# outside the reserve, its new outfall inside it.
zhunru_golden(eval-outfall-in-reserve-zh ARGS eval examples/outfall --project examples/outfall/projects/outfall-in-reserve.json --as-of 2025-06-01 --lang zh)
zhunru_golden(eval-outfall-not-given ARGS eval examples/outfall --project examples/outfall/projects/outfall-not-given.json --as-of 2025-06-01 --format json)
# Real clauses of national law and of provincial and city documents
# (examples/clauses, docs/clauses.md, issue #15): the ruleset checks, and
# projects get the verdicts their clauses give.
zhunru_golden(check-clauses ARGS check examples/clauses)
zhunru_golden(eval-clauses-sichuan-chemical ARGS eval examples/clauses --project examples/clauses/projects/sc-chemical-riverside.json --as-of 2025-01-01)
zhunru_golden(eval-clauses-guangzhou-offset-zh ARGS eval examples/clauses --project examples/clauses/projects/gz-nox-offset.json --as-of 2025-01-01 --lang zh)
# Set facts: lead among the pollutants a project emits, coal among the fuels a station burns.
zhunru_golden(eval-clauses-wuxi-lead-zh ARGS eval examples/clauses --project examples/clauses/projects/js-wuxi-lead.json --as-of 2025-01-01 --lang zh)
zhunru_golden(eval-clauses-guangzhou-gas-coal ARGS eval examples/clauses --project examples/clauses/projects/gz-captive-gas-coal.json --as-of 2025-01-01)

# A reference table (examples/registries, issue #15): the applicant gives the
# product's CAS number and the rule finds it in the list's PFOS rows.
zhunru_golden(eval-registries-pfos-zh ARGS eval examples/registries --project examples/registries/projects/pfos-product.json --as-of 2025-06-01 --lang zh)
zhunru_golden(eval-registries-other ARGS eval examples/registries --project examples/registries/projects/other-product.json --as-of 2025-06-01 --format json)
# A table of numbers (examples/energy-benchmarks, issue #15): the applicant gives
# the product and its energy use per tonne; the rule finds the product's benchmark.
zhunru_golden(eval-energy-benchmarks-above-zh ARGS eval examples/energy-benchmarks --project examples/energy-benchmarks/projects/clinker-above-benchmark.json --as-of 2025-06-01 --lang zh)
zhunru_golden(test-energy-benchmarks ARGS test examples/energy-benchmarks --coverage)
# Baselines: accepted findings shown on one line, only new ones fail; a stale entry is named.
zhunru_golden(audit-planted-baseline ARGS audit tests/fixtures/audit --as-of 2025-06-01 --baseline tests/fixtures/audit-baseline/planted.json)
zhunru_golden(audit-planted-baseline-json ARGS audit tests/fixtures/audit --as-of 2025-06-01 --format json --fail-on error --baseline tests/fixtures/audit-baseline/planted.json)
zhunru_golden(audit-baseline-placeholder ARGS audit tests/fixtures/audit --as-of 2025-06-01 --baseline tests/fixtures/audit-baseline/placeholder.json)
# check --format json: diagnostics as data (code, severity, range, message and help in both languages).
zhunru_golden(check-bad-typos-json ARGS check tests/fixtures/bad/typos.rules --format json)
zhunru_golden(check-chongqing-json ARGS check rules/chongqing --format json)
# The command line in the user's words: a misspelt command gets did-you-mean in both languages,
# a wrong --lang says `en or zh` (not CLI11's mapping).
zhunru_golden(cli-unknown-command ARGS evl rules/chongqing)
zhunru_golden(cli-bad-lang ARGS check rules/chongqing --lang xx)

# zhunru diff (issue #16): the shipped earlier version of the Chongqing list
# against today's — each change kind, witnesses, a reclassified unit; exit 3
# (it loosens); a corpus of projects; and the same version twice (exit 0).
zhunru_golden(diff-chongqing ARGS diff tests/fixtures/chongqing-2020 rules/chongqing --as-of 2025-06-01)
zhunru_golden(diff-chongqing-zh ARGS diff tests/fixtures/chongqing-2020 rules/chongqing --as-of 2025-06-01 --lang zh)
zhunru_golden(diff-chongqing-json ARGS diff tests/fixtures/chongqing-2020 rules/chongqing --as-of 2025-06-01 --format json)
zhunru_golden(diff-chongqing-projects ARGS diff tests/fixtures/chongqing-2020 rules/chongqing --as-of 2025-06-01
  --projects tests/fixtures/diff-projects.ndjson)
zhunru_golden(diff-same ARGS diff rules/chongqing rules/chongqing --as-of 2025-06-01)
zhunru_golden(diff-missing ARGS diff tests/fixtures/no-such-list rules/chongqing)

# zhunru test (issue #17 item 5): the Chongqing list's own tests with
# coverage; a folder of tests that fail on purpose (exit 1), as text, zh,
# JSON and JUnit; no tests at all (exit 2).
zhunru_golden(test-chongqing ARGS test rules/chongqing --coverage --as-of 2025-06-01)
zhunru_golden(test-failing ARGS test rules/chongqing tests/fixtures/rule-tests --as-of 2025-06-01)
zhunru_golden(test-failing-zh ARGS test rules/chongqing tests/fixtures/rule-tests --as-of 2025-06-01 --lang zh --coverage)
zhunru_golden(test-failing-json ARGS test rules/chongqing tests/fixtures/rule-tests --as-of 2025-06-01 --format json)
zhunru_golden(test-failing-junit ARGS test rules/chongqing tests/fixtures/rule-tests --as-of 2025-06-01 --format junit)
zhunru_golden(test-none ARGS test rules/examples)

# fmt on directories (issue #17 item 6): every bundled .rules file is in
# canonical layout (exit 0, nothing listed); a folder with one that is not.
zhunru_golden(fmt-check-rules-dir ARGS fmt --check rules)
zhunru_golden(fmt-check-examples-dir ARGS fmt --check examples)
zhunru_golden(fmt-check-unformatted-dir ARGS fmt --check tests/fixtures/fmt)
