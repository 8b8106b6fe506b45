// Parser of the zhunru access-list language (docs/language.md).
//
// The grammar only decides structure. Everything with a meaning beyond
// structure — quantity units, string escapes, code formats, a rule outside a
// dimension section, repeated metadata — is checked by the AST builder, which
// can say what is wrong in a rule author's words.
//
// Lists and operator chains are written as loops, not recursion, so a long
// `a and b and c ...` builds a flat tree and cannot exhaust the stack.
parser grammar ZhunruParser;

options { tokenVocab = ZhunruLexer; }

file : item* EOF ;

item
  : rulesetDecl
  | factDecl
  | enumDecl
  | geometryDecl
  | tableDecl
  | kindDecl
  | layerDecl
  | unitsDecl
  | unitDecl
  | tierBlock
  ;

// ---- declarations ------------------------------------------------------------
rulesetDecl : RULESET STRING (VERSION STRING)? effectivity? SEMI ;
effectivity : EFFECTIVE DATE (UNTIL DATE)? ;

factDecl : FACT name COLON factType STRING? SEMI ;
factType
  : BOOL_TYPE                   # boolType
  | NUMBER_TYPE (PER name)?     # numberType
  | QUANTITY_TYPE unit (PER name)?   # quantityType   // `per products`: one for each value of a set fact
  | oneOf LBRACE enumValue (COMMA enumValue)* COMMA? RBRACE   # enumType
  | INDUSTRY_TYPE               # industryType
  | TEXT_TYPE                   # textType
  | DATE_TYPE                   # dateType
  | name                        # namedType
  | setOf (LBRACE enumValue (COMMA enumValue)* COMMA? RBRACE | name)   # setType
  ;
// A fact of several values at once (`fact fuels: set of { coal, oil, gas };`).
setOf     : SET OF | MULTI_ZH ;
// An enumeration declared once, for several facts (`fact nature : natures;`);
// it may be declared anew for a period (`enumeration classes effective 2024-02-01 = {…};`).
enumDecl  : ENUMERATION name STRING? effectivity? EQ oneOf? LBRACE enumValue (COMMA enumValue)* COMMA? RBRACE SEMI ;
oneOf     : ONE OF | ENUM_ZH ;
// A value may have values under it: `new "新建" { relocation "迁建" }`.
enumValue : name STRING? (LBRACE enumValue (COMMA enumValue)* COMMA? RBRACE)? ;

// A kind may be defined anew for a period (`kind two-high effective 2021-05-30 = …`).
// A geometry the project gives beside its site (`geometry outfall "排污口";`).
geometryDecl : GEOMETRY name STRING? SEMI ;
kindDecl  : KIND name STRING? effectivity? EQ expr SEMI ;
// A layer is read from a map, is where other layers meet
// (`layer reserve-shore = reserve and shoreline-belt;`, `图层 … = … 且 …；`),
// or is the features of a map layer whose properties pass a test
// (`layer big-tributaries = tributaries where basin-km2 > 10000;`).
layerDecl : LAYER name STRING? (FROM STRING REPAIR? | EQ name ((AND name)+ | WHERE expr)) SEMI ;
// A reference table the ruleset ships (CSV), looked up by one of its columns
// (`table hazardous "危险化学品目录" from "tables/hc.csv" column "CAS号";`), or
// the rows of another whose cells pass a test (`table eliminated = catalogue
// where class = "淘汰类";`); either may hold for a period only. A table of
// numbers also names the column holding each key's number, and its unit
// (`column "产品" quantity "标杆水平" kgce/t`), for rules to look numbers up.
tableDecl : TABLE name STRING? (FROM STRING COLUMN STRING tableNumbers? | EQ name WHERE expr) effectivity? SEMI ;
tableNumbers : QUANTITY_TYPE STRING unit | NUMBER_TYPE STRING ;
unitsDecl : UNITS FROM STRING REPAIR? SEMI ;   // REPAIR: MakeValid the map's invalid features
// A unit of measure the ruleset declares, as an amount of known units:
// `unit 重量箱 "weight box" = 50 kg;`, `unit 运行日 = 1 a / 300;`.
unitDecl  : (UNIT | MEASURE_ZH) name STRING? EQ quantity (SLASH NUMBER)? SEMI ;
unitsWord : UNITS | UNIT ;      // `in units [...]` is `在 单元 [...]` in Chinese

// ---- tiers ----------------------------------------------------------------------
tierBlock  : tierHeader LBRACE tierItem* RBRACE ;
// The national tier has no code (`nation "全国" { … }`); every other has one,
// which the builder requires.
tierHeader : tierKeyword code? STRING? ;
tierKeyword : NATION | PROVINCE | CITY | DISTRICT | UNIT ;
code : NUMBER | ID ;
tierItem : section | ruleDecl ;     // a rule outside a section is reported by the builder
section : dimension LBRACE ruleDecl* RBRACE ;
// ID: a misspelt dimension, parsed anyway so the builder can say "did you
// mean `spatial-layout`?" without losing the section's rules.
dimension : SPATIAL_LAYOUT | EMISSION_CONTROL | RISK_CONTROL | RESOURCE_EFFICIENCY | ID ;

// ---- rules ----------------------------------------------------------------------
ruleDecl : (ruleId COLON)? ruleBody metadata* SEMI ;
ruleId : name ;

ruleBody
  : BAN subject scope? guard*                                   # banRule
  | REQUIRE subject scope? toHave expr guard*                   # requireRule
  | LIMIT name limitBound quantity FOR subject scope? guard*     # limitRule
  | (ALLOW | ENCOURAGE) subject scope? guard*                   # positiveRule
  ;
toHave     : TO HAVE | TO_HAVE_ZH ;
limitBound : TO AT LEAST | AT_LEAST_ZH | TO | AT_MOST_ZH ;
guard      : (WHERE | UNLESS) expr ;

subject   : adjectives* PROJECTS ;
adjectives: name (OR name)* ;   // `new or expansion` is one set; sets are joined by "and"

scope : scopeTerm (AND scopeTerm)* ;
// Left-factored so that every choice is made on one token: after `in` the
// parser knows it wants a unit class or `units [...]`, and can say so.
scopeTerm
  : IN unitScope                        # inScope
  | IN_ZH (unitScopeZh | layerSideZh)   # inScopeZh
  | (NOT IN | NOT_IN_ZH) regionWord unitList   # notInScope
  | spatial                             # spatialScope
  ;
unitScope   : unitClass (OR unitClass)* UNITS | regionWord unitList ;
unitScopeZh : unitClassZh (OR unitClassZh)* | regionWord unitList ;
// Units by code, or the units of districts, cities or provinces by theirs
// (`in districts [500103, 500105]`, `在 区县 [500103, 500105]`).
regionWord  : unitsWord | DISTRICTS | DISTRICT | CITIES | CITY | PROVINCES | PROVINCE ;
unitList    : LBRACK code (COMMA code)* COMMA? RBRACK ;
unitClass   : PRIORITY | KEY | GENERAL ;
unitClassZh : PRIORITY_UNITS_ZH | KEY_UNITS_ZH | GENERAL_UNITS_ZH ;
layerSideZh : name (INSIDE_END_ZH | OUTSIDE_END_ZH) ;   // `在 LAYER 内` / `在 LAYER 外`

spatial
  : INSIDE name                             # insideLayer
  | OUTSIDE name                            # outsideLayer
  | WITHIN quantity OF name                 # withinLayer
  | DISTANCE_ZH name quantity RANGE_END_ZH  # withinLayer
  | OVERLAPS name overlapMinimum?           # overlapsLayer
  | (NOT OVERLAPS | NOT_OVERLAPS_ZH) name   # clearOfLayer
  ;
// The least of the site that must lie in the layer: a share or an area.
overlapMinimum : BY AT LEAST quantity | AT_LEAST_ZH quantity ;

metadata
  : BECAUSE STRING      # becauseMeta
  | CITE STRING         # citeMeta
  | QUOTE STRING        # quoteMeta
  | RESTATES name       # restatesMeta   // the upper tier's rule this one repeats
  | WEIGHT NUMBER       # weightMeta
  | effectivity         # effectiveMeta
  ;

// ---- conditions: not > arithmetic > comparison > and > or ------------------------
// Each level is a flat chain; the builder applies precedence within it (`and`
// over `or`, `*` `/` over `+` `-`). Fewer levels make a smaller parse tree,
// and no chain, however long, makes a deep one.
expr        : compareExpr ((AND | OR) compareExpr)* ;
compareExpr : arith (compareOp arith | (IN | MEMBER_ZH) (list | name))? ;   // `cas in hazardous`: a table
compareOp   : EQ | NEQ | LT | LE | GT | GE ;
arith       : (NOT | MINUS)* primary ((PLUS | MINUS | STAR | SLASH) (NOT | MINUS)* primary)* ;
primary
  : LPAREN expr RPAREN                   # parenExpr
  | IS name                              # isKind
  | SITE (spatial | IN_ZH layerSideZh)   # siteExpr
  | name (spatial | IN_ZH layerSideZh)   # geometryExpr
  | quantity                             # quantityLit
  | STRING                               # stringLit
  | DATE                                 # dateLit
  | (TRUE | FALSE)                       # boolLit
  | name LBRACK name RBRACK              # lookupExpr   // `benchmark[product]`: a table's number for a fact's value
  | quantifier name (IN | MEMBER_ZH) (list | name)   # quantifiedExpr   // `any fuels in [coal, oil]`
  | name                                 # nameExpr
  ;
quantifier : ANY | ALL | NO ;
list
  : LBRACK (listItem (COMMA listItem)* COMMA?)? RBRACK
  | LBRACE (listItem (COMMA listItem)* COMMA?)? RBRACE
  ;
listItem : quantity | STRING | DATE | TRUE | FALSE | name ;

// A number with an optional multiplier and unit, e.g. `30万 吨/年`. The builder
// reads the exact source text of the whole span with the quantity parser.
// A unit is on the number's line: a name on the next line starts something
// else (after a forgotten `;`, say).
quantity : NUMBER ({_input->LT(1)->getLine() == _input->LT(-1)->getLine()}? unitWord)* ;
unitWord : ID | PERCENT | SLASH ID ;
unit     : ID unitWord* | PERCENT ;

// A name: identifiers, and the soft keywords that are also common fact names.
name
  : ID
  | VERSION | WEIGHT | REPAIR | QUOTE | BY | RESTATES
  | BOOL_TYPE | NUMBER_TYPE | QUANTITY_TYPE | INDUSTRY_TYPE | TEXT_TYPE | DATE_TYPE
  | NATION | PROVINCE | DISTRICTS | CITIES | PROVINCES   // a layer may be called `districts`
  | SET | ANY | ALL | NO | PER
  ;
