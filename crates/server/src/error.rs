//! JSON errors: `{"error": {"status": N, "message": "…"}}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use isnad_store::StoreError;

/// An API error: a status and a message for the client.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// What went wrong, in English.
    pub message: String,
    /// Extra top-level fields of the error body.
    pub extra: Option<serde_json::Map<String, serde_json::Value>>,
}

impl ApiError {
    /// An error with this status.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into(), extra: None }
    }

    /// 400: a bad parameter or value.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 500: a real fault (logged).
    pub fn internal(message: impl Into<String>) -> ApiError {
        let message = message.into();
        eprintln!("isnad-server: internal error: {message}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// 500 for a store failure; 503 when the database is busy.
    pub fn store(e: StoreError) -> ApiError {
        if e.0.contains("database is locked") || e.0.contains("database is busy") {
            return ApiError::new(StatusCode::SERVICE_UNAVAILABLE, format!("the store is busy, retry: {}", e.0));
        }
        ApiError::internal(e.0)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = serde_json::Map::new();
        body.insert("error".into(), serde_json::json!({ "status": self.status.as_u16(), "message": self.message }));
        if let Some(extra) = self.extra {
            body.extend(extra);
        }
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        let mut res = (self.status, bytes).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        res
    }
}
