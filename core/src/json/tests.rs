//! Native tests of the JSON reader and writer: known cases, round trips, and agreement with
//! `serde_json` (a test-only dependency) on generated documents and on arbitrary text.

use proptest::prelude::*;

use super::*;

#[test]
fn reads_what_stagefit_and_people_write() {
    let v = parse(" {\"a\": [1, -2.5, 1764150000000.0, 1e3, true, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"} ")
        .expect("valid JSON");
    let a = v.get("a").and_then(Value::as_array).expect("array");
    assert_eq!(a[0], Value::Num(1.0));
    assert_eq!(a[1], Value::Num(-2.5));
    assert_eq!(a[2].as_whole(u32::MAX), None, "too large for u32");
    assert_eq!(a[2], Value::Num(1_764_150_000_000.0));
    assert_eq!(a[3].as_whole(5000), Some(1000));
    assert_eq!(a[4], Value::Bool(true));
    assert_eq!(a[5], Value::Null);
    assert_eq!(
        v.get("b").and_then(Value::as_str),
        Some("x\u{e9}\u{1f600}\n")
    );
    assert_eq!(
        parse("{\"k\":1,\"k\":2}").and_then(|v| v.get("k").cloned()),
        Some(Value::Num(2.0))
    );
}

#[test]
fn refuses_what_is_not_json() {
    for text in [
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "\"a",
        "'a'",
        "\"\\x\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"a\u{1}\"",
        "nul",
        "truex",
        "[1 2]",
        "{1:2}",
        "1e400",
        "[] []",
        "NaN",
        "Infinity",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
    assert_eq!(
        parse(&"[".repeat(100_000)),
        None,
        "deep nesting is refused, not recursed into"
    );
}

#[test]
fn writes_compact_and_pretty() {
    let v = Value::object(vec![
        ("s", Value::str("a\"b\\c\n\u{1}<é>")),
        ("n", Value::Num(1_764_150_000_000.0)),
        ("e", Value::Arr(vec![])),
        ("o", Value::object(vec![("x", Value::Null)])),
    ]);
    assert_eq!(
        write(&v, false),
        r#"{"s":"a\"b\\c\n\u0001<é>","n":1764150000000,"e":[],"o":{"x":null}}"#
    );
    assert_eq!(
        write(&v, true),
        "{\n  \"s\": \"a\\\"b\\\\c\\n\\u0001<é>\",\n  \"n\": 1764150000000,\n  \"e\": [],\n  \"o\": {\n    \"x\": null\n  }\n}"
    );
    assert_eq!(write(&Value::Num(f64::NAN), false), "null");
}

fn to_serde(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Num(n) => serde_json::json!(*n as i64),
        Value::Str(s) => serde_json::Value::String(s.clone()),
        Value::Arr(a) => serde_json::Value::Array(a.iter().map(to_serde).collect()),
        Value::Obj(m) => {
            let mut map = serde_json::Map::new();
            for (k, v) in m {
                map.insert(k.clone(), to_serde(v));
            }
            serde_json::Value::Object(map)
        }
    }
}

/// The same value, as far as two readers can agree: numbers within rounding, objects by key.
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Num(a), serde_json::Value::Number(b)) => {
            let b = b.as_f64().unwrap_or(f64::NAN);
            a == &b || (a - b).abs() <= b.abs() * 1e-14
        }
        (Value::Str(a), serde_json::Value::String(b)) => a == b,
        (Value::Arr(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Obj(_), serde_json::Value::Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = ours
                .as_object()
                .unwrap_or(&[])
                .iter()
                .map(|m| &m.0)
                .collect();
            keys.len() == b.len()
                && b.iter()
                    .all(|(k, y)| ours.get(k).is_some_and(|x| same(x, y)))
        }
        _ => false,
    }
}

fn values() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1_i64 << 53)..(1_i64 << 53)).prop_map(|n| Value::Num(n as f64)),
        any::<String>().prop_map(Value::Str),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Arr),
            prop::collection::vec(("[a-c]{0,2}", inner), 0..8).prop_map(Value::Obj),
        ]
    })
}

/// Text that is often almost JSON: fragments of JSON glued together.
fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{".to_string()),
            Just("}".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just(",".to_string()),
            Just(":".to_string()),
            Just(" ".to_string()),
            Just("\"".to_string()),
            Just("\\".to_string()),
            Just("null".to_string()),
            Just("true".to_string()),
            "-?[0-9]{1,22}(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?",
            "\"([a-z]|\\\\[\"\\\\/bfnrtu]|\\\\u[0-9a-fA-F]{4}|[\u{e9}\u{1f600}])*\"",
            ".",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::fuzz_cases(2000)))]

    #[test]
    fn written_values_read_back_the_same(v in values(), pretty in any::<bool>()) {
        let text = write(&v, pretty);
        prop_assert_eq!(parse(&text), Some(v.clone()));
        // And serde_json reads our output as the same value.
        let theirs: serde_json::Value = serde_json::from_str(&text).expect("serde_json reads it");
        prop_assert!(same(&v, &theirs));
    }

    #[test]
    fn reads_serde_json_output(v in values()) {
        let text = serde_json::to_string(&to_serde(&v)).expect("serializes");
        let ours = parse(&text);
        prop_assert!(ours.is_some(), "refused {}", text);
        prop_assert!(same(ours.as_ref().unwrap_or(&Value::Null), &serde_json::from_str(&text).expect("reads")));
    }

    #[test]
    fn agrees_with_serde_json_on_arbitrary_text(text in jsonish()) {
        let theirs = serde_json::from_str::<serde_json::Value>(&text).ok();
        let ours = parse(&text);
        prop_assert_eq!(ours.is_some(), theirs.is_some(), "{:?}", text);
        if let (Some(a), Some(b)) = (&ours, &theirs) {
            prop_assert!(same(a, b), "{:?}: {:?} vs {:?}", text, a, b);
        }
    }

    #[test]
    fn never_panics_on_any_text(text in ".{0,200}") {
        let _ = parse(&text);
    }
}
