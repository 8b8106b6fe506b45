;;; The 20-rule table of bench/table20.hpp as a CLIPS 6.30 rule base, for the
;;; peers benchmark (bench/peers_bench.cpp, bench/clips_peer.cpp).
;;;
;;; Per request the embedder resets, asserts one `project` fact (every fact
;;; known: these rules are two-valued, unlike zhunru's, which also judge
;;; projects with unknown facts), runs, and reads the `verdict` fact and the
;;; `violated` facts. As in zhunru, the kinds come from the industry code and
;;; the unit's class and district from the unit code: the rule base derives
;;; them itself.
;;;
;;; Unit codes: ZH + district (6 digits) + class (1 priority, 2 key,
;;; 3 general) + 4 digits.

(deftemplate project
  (slot industry (type SYMBOL))                                   ; GB/T 4754 class, e.g. C2614
  (slot nature (type SYMBOL) (allowed-symbols new rebuild expansion upgrade))
  (slot catalogue (type SYMBOL) (allowed-symbols encouraged permitted restricted eliminated))
  (slot efficiency (type SYMBOL) (allowed-symbols benchmark baseline below))
  (slot grade (type SYMBOL) (allowed-symbols A B C D))
  (slot capacity (type NUMBER))                                   ; t/a
  (slot voc (type NUMBER))                                        ; t/a
  (slot so2 (type NUMBER))                                        ; t/a
  (slot noise (type NUMBER))                                      ; dB
  (slot low-voc (type SYMBOL) (allowed-symbols TRUE FALSE))
  (slot in-park (type SYMBOL) (allowed-symbols TRUE FALSE))
  (slot risk-plan (type SYMBOL) (allowed-symbols TRUE FALSE))
  (slot unit (type SYMBOL)))                                      ; ZH50010320001

;;; What the rule base derives from the codes.
(deftemplate industry-levels (slot section) (slot division))
(deftemplate unit-info (slot district) (slot class))           ; strings: "500103", "1"
(deftemplate is (slot kind))                                      ; two-high, chemical, industrial

;;; What it concludes.
(deftemplate violated (slot rule) (slot form))                    ; form: ban, require, limit
(deftemplate entry (slot rule) (slot form))                       ; allow/encourage that apply
(deftemplate verdict (slot value))                                ; admit, conditional, reject

;;; ---- codes and kinds ---------------------------------------------------------

(defrule codes
  (project (industry ?i) (unit ?u))
  =>
  (assert (industry-levels (section (sym-cat (sub-string 1 1 ?i))) (division (sym-cat (sub-string 1 3 ?i))))
          (unit-info (district (sub-string 3 8 ?u)) (class (sub-string 9 9 ?u)))))

;;; kind two-high = industry in [C25, C26, C30, C31, C32, D44];
(defrule kind-two-high
  (industry-levels (division C25|C26|C30|C31|C32|D44))
  =>
  (assert (is (kind two-high))))

;;; kind chemical = industry in [C26];
(defrule kind-chemical
  (industry-levels (division C26))
  =>
  (assert (is (kind chemical))))

;;; kind industrial = industry in [B, C, D];
(defrule kind-industrial
  (industry-levels (section B|C|D))
  =>
  (assert (is (kind industrial))))

;;; ---- city 500000 (every unit) ------------------------------------------------

;;; C01: ban two-high projects in priority units;
(defrule C01
  (is (kind two-high))
  (unit-info (class "1"))
  =>
  (assert (violated (rule C01) (form ban))))

;;; C02: ban projects where catalogue = eliminated;
(defrule C02
  (project (catalogue eliminated))
  =>
  (assert (violated (rule C02) (form ban))))

;;; C03: ban new chemical projects in priority units;
(defrule C03
  (project (nature new))
  (is (kind chemical))
  (unit-info (class "1"))
  =>
  (assert (violated (rule C03) (form ban))))

;;; C04: ban new or expansion two-high projects where not in-park;
(defrule C04
  (project (nature new|expansion) (in-park FALSE))
  (is (kind two-high))
  =>
  (assert (violated (rule C04) (form ban))))

;;; C05: require new industrial projects to have low-voc;
(defrule C05
  (project (nature new) (low-voc FALSE))
  (is (kind industrial))
  =>
  (assert (violated (rule C05) (form require))))

;;; C06: limit voc to 10 t/a for industrial projects;
(defrule C06
  (project (voc ?v&:(> ?v 10)))
  (is (kind industrial))
  =>
  (assert (violated (rule C06) (form limit))))

;;; C07: limit so2 to 50 t/a for two-high projects;
(defrule C07
  (project (so2 ?s&:(> ?s 50)))
  (is (kind two-high))
  =>
  (assert (violated (rule C07) (form limit))))

;;; C08: require chemical projects to have risk-plan;
(defrule C08
  (project (risk-plan FALSE))
  (is (kind chemical))
  =>
  (assert (violated (rule C08) (form require))))

;;; C09: require new or rebuild or expansion two-high projects to have
;;;      efficiency = benchmark and grade = A;
(defrule C09
  (project (nature new|rebuild|expansion) (efficiency ?e) (grade ?g))
  (test (not (and (eq ?e benchmark) (eq ?g A))))
  (is (kind two-high))
  =>
  (assert (violated (rule C09) (form require))))

;;; C10: limit capacity to 100万 t/a for chemical projects;
(defrule C10
  (project (capacity ?c&:(> ?c 1000000)))
  (is (kind chemical))
  =>
  (assert (violated (rule C10) (form limit))))

;;; ---- district 500103 -----------------------------------------------------------

;;; D01: ban new industrial projects;
(defrule D01
  (unit-info (district "500103"))
  (project (nature new))
  (is (kind industrial))
  =>
  (assert (violated (rule D01) (form ban))))

;;; D02: limit voc to 5 t/a for new projects in key units;
(defrule D02
  (unit-info (district "500103") (class "2"))
  (project (nature new) (voc ?v&:(> ?v 5)))
  =>
  (assert (violated (rule D02) (form limit))))

;;; D03: limit noise to 55 dB for projects in general units;
(defrule D03
  (unit-info (district "500103") (class "3"))
  (project (noise ?n&:(> ?n 55)))
  =>
  (assert (violated (rule D03) (form limit))))

;;; ---- district 500112 -----------------------------------------------------------

;;; D04: ban chemical projects where capacity > 50万 t/a;
(defrule D04
  (unit-info (district "500112"))
  (project (capacity ?c&:(> ?c 500000)))
  (is (kind chemical))
  =>
  (assert (violated (rule D04) (form ban))))

;;; D05: require two-high projects to have grade in {A, B};
(defrule D05
  (unit-info (district "500112"))
  (project (grade ~A&~B))
  (is (kind two-high))
  =>
  (assert (violated (rule D05) (form require))))

;;; D06: encourage projects where low-voc;  (never changes a verdict)
(defrule D06
  (unit-info (district "500112"))
  (project (low-voc TRUE))
  =>
  (assert (entry (rule D06) (form encourage))))

;;; ---- unit ZH50010320001 --------------------------------------------------------

;;; U01: require new projects to have low-voc;
(defrule U01
  (project (unit ZH50010320001) (nature new) (low-voc FALSE))
  =>
  (assert (violated (rule U01) (form require))))

;;; U02: limit voc to 3 t/a for projects;
(defrule U02
  (project (unit ZH50010320001) (voc ?v&:(> ?v 3)))
  =>
  (assert (violated (rule U02) (form limit))))

;;; ---- unit ZH50011210001 --------------------------------------------------------

;;; U03: ban industrial projects;
(defrule U03
  (project (unit ZH50011210001))
  (is (kind industrial))
  =>
  (assert (violated (rule U03) (form ban))))

;;; U04: allow projects where is industrial and in-park;  (lifts nothing: U03 still rejects)
(defrule U04
  (project (unit ZH50011210001) (in-park TRUE))
  (is (kind industrial))
  =>
  (assert (entry (rule U04) (form allow))))

;;; ---- the verdict: deny-overrides, once every rule above has fired ----------------

(defrule verdict-reject
  (declare (salience -10))
  (exists (violated (form ban)))
  =>
  (assert (verdict (value reject))))

(defrule verdict-conditional
  (declare (salience -10))
  (not (violated (form ban)))
  (exists (violated (form require|limit)))
  =>
  (assert (verdict (value conditional))))

(defrule verdict-admit
  (declare (salience -10))
  (not (violated))
  =>
  (assert (verdict (value admit))))
