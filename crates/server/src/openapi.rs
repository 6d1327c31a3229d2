//! The OpenAPI 3.0 description of the API: `crates/server/openapi.json`,
//! hand-maintained beside the routes, with the crate version and the values of
//! the schema's closed vocabularies filled in.

use std::sync::OnceLock;

use isnad_schema::{AcledEventType, AcledSubEventType, Factuality, PloverMode, PloverType};
use serde_json::Value;

const SPEC: &str = include_str!("../openapi.json");

/// The component schemas whose `enum` comes from a schema enum.
const VOCABULARIES: [(&str, &[&str]); 5] = [
    ("Factuality", Factuality::VALUES),
    ("PloverType", PloverType::VALUES),
    ("PloverMode", PloverMode::VALUES),
    ("AcledEventType", AcledEventType::VALUES),
    ("AcledSubEventType", AcledSubEventType::VALUES),
];

/// The document, as served.
pub fn spec() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let text = SPEC.replace("\"@VERSION@\"", &format!("\"{}\"", env!("CARGO_PKG_VERSION")));
        // The file is compiled in and parsed by the tests below: it is valid JSON.
        let Ok(mut doc) = serde_json::from_str::<Value>(&text) else { return text };
        for (name, values) in VOCABULARIES {
            if let Some(schema) = doc["components"]["schemas"].get_mut(name) {
                schema["enum"] = values.iter().map(|v| Value::from(*v)).collect();
            }
        }
        serde_json::to_string_pretty(&doc).unwrap_or(text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_valid_json_with_the_version() {
        let v: Value = serde_json::from_str(super::spec()).unwrap();
        assert_eq!(v["info"]["version"], env!("CARGO_PKG_VERSION"));
        assert!(v["paths"].as_object().unwrap().len() >= 10);
    }

    #[test]
    fn vocabulary_schemas_list_the_schema_values() {
        let v: Value = serde_json::from_str(super::spec()).unwrap();
        for (name, values) in VOCABULARIES {
            assert_eq!(v["components"]["schemas"][name]["enum"], serde_json::json!(values), "{name}");
        }
        assert_eq!(v["components"]["schemas"]["Factuality"]["enum"][4], "negated");
    }
}
