// Lexer of the zhunru access-list language (docs/language.md).
//
// Every keyword has an English and a Chinese spelling that share one token
// type, so a file may be written in either language (or mix them; `fmt`
// settles on one). Chinese keywords are separate words, as English ones are:
// `禁止 两高 项目`, not `禁止两高项目` (which is a single name).
//
// Tokens a rule author would not expect to see as errors from the parser
// (unterminated strings, stray characters) get their own token types; the
// syntax layer reports them in plain words before parsing.
lexer grammar ZhunruLexer;

channels { COMMENTS }

// ---- declarations -------------------------------------------------------
RULESET   : 'ruleset' | '清单' ;
VERSION   : 'version' | '版本' ;
EFFECTIVE : 'effective' | '生效' ;
UNTIL     : 'until' | '至' ;
FACT      : 'fact' | '事实' ;
KIND      : 'kind' | '类别' ;
LAYER     : 'layer' | '图层' ;
UNITS     : 'units' | '单元图' ;   // the unit map: `units from` / `单元图 来自`
UNIT      : 'unit' | '单元' ;
MEASURE_ZH : '计量单位' ;       // `unit 重量箱 = 50 kg;` in Chinese: a unit of measure, not a control unit
FROM      : 'from' | '来自' ;
REPAIR    : 'repair' | '修复' ;   // soft: `units from "…" repair;`
ONE       : 'one' ;
OF        : 'of' ;
ENUMERATION : 'enumeration' | '枚举类型' ;   // a named enumeration, for several facts
GEOMETRY  : 'geometry' | '几何' ;       // a project geometry beside the site
TABLE     : 'table' | '名录' ;         // a reference table shipped with the ruleset
COLUMN    : 'column' | '列' ;          // `table … from "…" column "CAS号"`
ENUM_ZH   : '枚举' ;            // `one of` in Chinese
SET       : 'set' ;             // soft: `set of { … }`, a fact of several values
MULTI_ZH  : '多选' ;            // `set of` in Chinese
PER       : 'per' | '按' ;      // soft: `quantity t/a per products`, a number for each value of a set fact

// ---- fact types (soft: they may also be names) ---------------------------
BOOL_TYPE     : 'bool' | '布尔' ;
NUMBER_TYPE   : 'number' | '数值' ;
QUANTITY_TYPE : 'quantity' | '数量' ;
INDUSTRY_TYPE : 'industry' | '行业' ;
TEXT_TYPE     : 'text' | '文本' ;
DATE_TYPE     : 'date' | '日期' ;

// ---- tiers and dimensions -----------------------------------------------
NATION              : 'nation' | '全国' ;     // the national tier: every unit
PROVINCE            : 'province' | '省级' ;
CITY                : 'city' | '市级' ;
DISTRICT            : 'district' | '区县' ;
// A scope by region: `in districts [500103]` (Chinese: `在 区县 [500103]`).
DISTRICTS           : 'districts' ;
CITIES              : 'cities' ;
PROVINCES           : 'provinces' ;
SPATIAL_LAYOUT      : 'spatial-layout' | '空间布局约束' ;
EMISSION_CONTROL    : 'emission-control' | '污染物排放管控' ;
RISK_CONTROL        : 'risk-control' | '环境风险防控' ;
RESOURCE_EFFICIENCY : 'resource-efficiency' | '资源开发效率要求' ;

// ---- rule forms ----------------------------------------------------------
BAN       : 'ban' | '禁止' ;
REQUIRE   : 'require' | '应当' ;
TO        : 'to' ;
HAVE      : 'have' ;
TO_HAVE_ZH: '满足' ;            // `to have`
LIMIT     : 'limit' | '限制' ;
AT        : 'at' ;
LEAST     : 'least' ;
AT_MOST_ZH: '不超过' ;          // `to` (an upper bound)
AT_LEAST_ZH: '不低于' ;         // `to at least`
FOR       : 'for' | '对于' ;
ALLOW     : 'allow' | '允许' ;
ENCOURAGE : 'encourage' | '鼓励' ;
PROJECTS  : 'projects' | '项目' ;

// ---- scopes --------------------------------------------------------------
IN          : 'in' ;
IN_ZH       : '在' ;            // scope `in`, and `在 … 内/外`
NOT_IN_ZH   : '不在' ;          // scope `not in districts [...]`: `不在 区县 [...]`
MEMBER_ZH   : '属于' ;          // condition `FACT in [..]`
PRIORITY    : 'priority' ;
KEY         : 'key' ;
GENERAL     : 'general' ;
PRIORITY_UNITS_ZH : '优先保护单元' ;
KEY_UNITS_ZH      : '重点管控单元' ;
GENERAL_UNITS_ZH  : '一般管控单元' ;
INSIDE      : 'inside' ;
OUTSIDE     : 'outside' ;
INSIDE_END_ZH  : '内' ;         // `在 LAYER 内`
OUTSIDE_END_ZH : '外' ;         // `在 LAYER 外`
WITHIN      : 'within' ;
DISTANCE_ZH : '距' ;            // `距 LAYER Q 范围内`
RANGE_END_ZH: '范围内' ;
// Some of the site lies in a layer's interior (a shared edge is not enough):
// `overlapping L` in a scope, `site overlaps L` in a condition, `占用 L`.
OVERLAPS    : 'overlaps' | 'overlapping' | '占用' ;
NOT_OVERLAPS_ZH : '不占用' ;    // `not overlapping L`
BY          : 'by' ;            // soft: `overlapping L by at least 10 %`

// ---- conditions and metadata ---------------------------------------------
WHERE     : 'where' | '当' ;
UNLESS    : 'unless' | '除非' ;
AND       : 'and' | '且' ;
OR        : 'or' | '或' ;
NOT       : 'not' | '非' ;
IS        : 'is' | '是' ;
// A set fact's items tested against a list: `any fuels in [coal, oil]`
// (soft: they may also be names).
ANY       : 'any' | '任一' ;
ALL       : 'all' | '全部' ;
NO        : 'no' | '无一' ;
SITE      : 'site' | '选址' ;
TRUE      : 'true' | '真' ;
FALSE     : 'false' | '假' ;
BECAUSE   : 'because' | '理由' ;
CITE      : 'cite' | '依据' ;
QUOTE     : 'quote' | '原文' ;    // soft: may also be a fact name
RESTATES  : 'restates' | '重申' ;   // soft: `restates RULE-ID`, a clause repeated from an upper tier
WEIGHT    : 'weight' | '权重' ;   // soft: may also be a fact name

// ---- punctuation (full-width forms accepted for Chinese input methods) ----
SEMI     : ';' | '；' ;
COLON    : ':' | '：' ;
COMMA    : ',' | '，' | '、' ;
LPAREN   : '(' | '（' ;
RPAREN   : ')' | '）' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
LE       : '<=' | '≤' ;
GE       : '>=' | '≥' ;
NEQ      : '!=' | '≠' ;
LT       : '<' ;
GT       : '>' ;
EQ       : '=' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' | '％' | '‰' ;

// ---- literals --------------------------------------------------------------
DATE   : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
NUMBER : DIGIT+ ('.' DIGIT+)? ;
STRING : '"' STRING_CHAR* '"' ;
// A string that reaches the end of its line: reported, then parsed as a string.
UNTERMINATED_STRING : '"' STRING_CHAR* '\\'? ;
// A string in curly quotes, as Chinese input methods type them: reported,
// then parsed as a string.
CURLY_STRING : '“' ~[”\r\n]* '”' ;

ID : ID_START ID_PART* ('-' ID_PART+)* ;

// ---- trivia ------------------------------------------------------------------
LINE_COMMENT : ('#' | '//') ~[\r\n]* -> channel(COMMENTS) ;
// Whitespace makes no token at all: positions come from the tokens around it.
WS           : [ \t\r\n\u000C\u3000]+ -> skip ;

// Anything else: reported by the syntax layer as an unexpected character.
ERROR_CHAR : . ;

fragment DIGIT       : [0-9] ;
fragment STRING_CHAR : ~["\\\r\n] | '\\' ~[\r\n] ;
fragment ID_START    : [\p{L}_] ;
fragment ID_PART     : [\p{L}\p{M}\p{Nd}_] ;
