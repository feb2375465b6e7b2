//! API errors: a status and a JSON body `{"error": {"field": ..., "message": ...}}` naming the field
//! at fault when there is one.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// The request field at fault, if any.
    pub field: Option<String>,
    /// What went wrong.
    pub message: String,
}

impl ApiError {
    /// 400 (or another 4xx) about one field.
    pub fn field(status: StatusCode, field: impl Into<String>, message: impl Into<String>) -> ApiError {
        ApiError { status, field: Some(field.into()), message: message.into() }
    }

    /// An error not about one field.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, field: None, message: message.into() }
    }
}

impl ApiError {
    /// The JSON body every error answers with.
    pub fn body(&self) -> serde_json::Value {
        json!({"error": {"field": self.field, "message": self.message}})
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}

impl From<fanzha_check::request::FieldError> for ApiError {
    fn from(e: fanzha_check::request::FieldError) -> ApiError {
        ApiError::field(StatusCode::BAD_REQUEST, e.field, e.message)
    }
}

impl From<crate::state::Poisoned> for ApiError {
    fn from(e: crate::state::Poisoned) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

/// Parses a JSON body into `T`, naming the field of the first problem (e.g. `payer.age`).
pub fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        // The path names the field at fault, unknown fields included (e.g. `payer.age`, `amount`).
        let field = e.path().to_string();
        let message = e.into_inner().to_string();
        if field == "." {
            ApiError::new(StatusCode::BAD_REQUEST, format!("body: {message}"))
        } else {
            ApiError::field(StatusCode::BAD_REQUEST, field, message)
        }
    })
}
