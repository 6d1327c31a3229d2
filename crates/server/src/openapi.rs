//! The OpenAPI 3.0 description of the API: `crates/server/openapi.json`,
//! hand-maintained beside the routes, with the crate version filled in.

use std::sync::OnceLock;

const SPEC: &str = include_str!("../openapi.json");

/// The document, as served.
pub fn spec() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| SPEC.replace("\"@VERSION@\"", &format!("\"{}\"", env!("CARGO_PKG_VERSION"))))
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_valid_json_with_the_version() {
        let v: serde_json::Value = serde_json::from_str(super::spec()).unwrap();
        assert_eq!(v["info"]["version"], env!("CARGO_PKG_VERSION"));
        assert!(v["paths"].as_object().unwrap().len() >= 10);
    }
}
