% The 20-rule table of bench/table20.hpp as a SWI-Prolog program, for the
% peers benchmark (bench/peers_bench.cpp, bench/swipl_peer.cpp), consulted
% once at start.
%
% judge(+Project, -Verdict, -Violated): Project is
%   project(Industry, Nature, Catalogue, Efficiency, Grade,
%           Capacity, Voc, So2, Noise, LowVoc, InPark, RiskPlan, Unit)
% with every fact known (atoms; numbers in t/a and dB; booleans true/false):
% these clauses are two-valued, unlike zhunru, which also judges projects
% with unknown facts. Verdict is admit, conditional or reject (deny-overrides:
% any violated ban rejects, else any violated require or limit makes it
% conditional); Violated is the sorted list of the violated rules' ids.
%
% As in zhunru, the kinds come from the industry code and the unit's class and
% district from the unit code (ZH + district + class 1 priority / 2 key /
% 3 general + 4 digits): derived once per project, then shared by the rules.

:- module(table20, [judge/3]).
:- use_module(library(lists), [member/2]).
:- use_module(library(pairs), [pairs_keys/2]).

judge(P, Verdict, Violated) :-
    derive(P, K),
    findall(Id-Form, violated(Id, Form, P, K), Found),
    verdict(Found, Verdict),
    pairs_keys(Found, Ids),
    msort(Ids, Violated).

verdict(Found, reject) :- memberchk(_-ban, Found), !.
verdict([_|_], conditional) :- !.
verdict([], admit).

% k(TwoHigh, Chemical, Industrial, Class, District)
derive(P, k(TwoHigh, Chemical, Industrial, Class, District)) :-
    arg(1, P, Industry),
    arg(13, P, Unit),
    truth(two_high(Industry), TwoHigh),
    truth(chemical(Industry), Chemical),
    truth(industrial(Industry), Industrial),
    sub_atom(Unit, 8, 1, _, Class),
    sub_atom(Unit, 2, 6, _, District).

truth(Goal, true) :- call(Goal), !.
truth(_, false).

has_prefix(Code, Prefix) :- sub_atom(Code, 0, _, _, Prefix), !.

% kind two-high = industry in [C25, C26, C30, C31, C32, D44];
two_high(I) :- member(D, ['C25', 'C26', 'C30', 'C31', 'C32', 'D44']), has_prefix(I, D), !.
% kind chemical = industry in [C26];
chemical(I) :- has_prefix(I, 'C26').
% kind industrial = industry in [B, C, D];
industrial(I) :- member(S, ['B', 'C', 'D']), has_prefix(I, S), !.

nature(P, N) :- arg(2, P, N).
new_or_expansion(new).
new_or_expansion(expansion).
new_rebuild_or_expansion(new).
new_rebuild_or_expansion(rebuild).
new_rebuild_or_expansion(expansion).

% ---- city 500000 (every unit) -------------------------------------------------

% C01: ban two-high projects in priority units;
violated('C01', ban, _, k(true, _, _, '1', _)).
% C02: ban projects where catalogue = eliminated;
violated('C02', ban, P, _) :- arg(3, P, eliminated).
% C03: ban new chemical projects in priority units;
violated('C03', ban, P, k(_, true, _, '1', _)) :- nature(P, new).
% C04: ban new or expansion two-high projects where not in-park;
violated('C04', ban, P, k(true, _, _, _, _)) :-
    nature(P, N), new_or_expansion(N), arg(11, P, false).
% C05: require new industrial projects to have low-voc;
violated('C05', require, P, k(_, _, true, _, _)) :- nature(P, new), arg(10, P, false).
% C06: limit voc to 10 t/a for industrial projects;
violated('C06', limit, P, k(_, _, true, _, _)) :- arg(7, P, Voc), Voc > 10.
% C07: limit so2 to 50 t/a for two-high projects;
violated('C07', limit, P, k(true, _, _, _, _)) :- arg(8, P, So2), So2 > 50.
% C08: require chemical projects to have risk-plan;
violated('C08', require, P, k(_, true, _, _, _)) :- arg(12, P, false).
% C09: require new or rebuild or expansion two-high projects to have
%      efficiency = benchmark and grade = A;
violated('C09', require, P, k(true, _, _, _, _)) :-
    nature(P, N), new_rebuild_or_expansion(N),
    \+ (arg(4, P, benchmark), arg(5, P, 'A')).
% C10: limit capacity to 100万 t/a for chemical projects;
violated('C10', limit, P, k(_, true, _, _, _)) :- arg(6, P, C), C > 1000000.

% ---- district 500103 ----------------------------------------------------------

% D01: ban new industrial projects;
violated('D01', ban, P, k(_, _, true, _, '500103')) :- nature(P, new).
% D02: limit voc to 5 t/a for new projects in key units;
violated('D02', limit, P, k(_, _, _, '2', '500103')) :- nature(P, new), arg(7, P, Voc), Voc > 5.
% D03: limit noise to 55 dB for projects in general units;
violated('D03', limit, P, k(_, _, _, '3', '500103')) :- arg(9, P, Noise), Noise > 55.

% ---- district 500112 ----------------------------------------------------------

% D04: ban chemical projects where capacity > 50万 t/a;
violated('D04', ban, P, k(_, true, _, _, '500112')) :- arg(6, P, C), C > 500000.
% D05: require two-high projects to have grade in {A, B};
violated('D05', require, P, k(true, _, _, _, '500112')) :- arg(5, P, G), \+ memberchk(G, ['A', 'B']).
% D06: encourage projects where low-voc;  -- an entry, never violated.

% ---- unit ZH50010320001 -------------------------------------------------------

% U01: require new projects to have low-voc;
violated('U01', require, P, _) :- arg(13, P, 'ZH50010320001'), nature(P, new), arg(10, P, false).
% U02: limit voc to 3 t/a for projects;
violated('U02', limit, P, _) :- arg(13, P, 'ZH50010320001'), arg(7, P, Voc), Voc > 3.

% ---- unit ZH50011210001 -------------------------------------------------------

% U03: ban industrial projects;
violated('U03', ban, P, k(_, _, true, _, _)) :- arg(13, P, 'ZH50011210001').
% U04: allow projects where is industrial and in-park;  -- an entry: it lifts
%      nothing (deny-overrides), so U03 still rejects.
