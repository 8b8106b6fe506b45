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
