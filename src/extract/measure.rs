//! Takes a figure and its sentence, hands on what it measures, the event it belongs
//! to, that event's time anchor and the names around it.
//! Rule that is not obvious: the measure comes from the words bound to the figure
//! ("286 people lost their lives" → deaths), not from whatever else the sentence says.

use chrono::NaiveDate;

use crate::model::{ClaimKind, Document, Segment, Value};

/// What `describe` learnt about one figure.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub measure: Option<String>,
    pub event: Option<String>,
    pub anchor: Option<(NaiveDate, NaiveDate)>,
    pub entities: Vec<String>,
}

/// Describe the figure at `start..end` of segment `seg` of `doc`.
pub fn describe(
    _doc: &Document,
    _seg: &Segment,
    _start: usize,
    _end: usize,
    _kind: ClaimKind,
    _value: &Value,
) -> Context {
    Context::default()
}
