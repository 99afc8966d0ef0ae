//! The array indexes a slice selects (RFC 9535 §2.3.4.2), including negative steps.

/// Indexes in selection order; bounds are clamped to the array, and a zero step selects nothing.
pub(crate) fn slice_indices(
    len: usize,
    start: Option<i64>,
    end: Option<i64>,
    step: Option<i64>,
) -> Vec<usize> {
    let step = i128::from(step.unwrap_or(1));
    let len = len as i128;
    let normalize = |bound: i64| {
        let bound = i128::from(bound);
        if bound >= 0 {
            bound
        } else {
            len + bound
        }
    };
    let mut indices = Vec::new();
    if step > 0 {
        let lower = start.map_or(0, normalize).clamp(0, len);
        let upper = end.map_or(len, normalize).clamp(0, len);
        let mut i = lower;
        while i < upper {
            indices.push(i as usize);
            i += step;
        }
    } else if step < 0 {
        let upper = start.map_or(len - 1, normalize).clamp(-1, len - 1);
        let lower = end.map_or(-1, normalize).clamp(-1, len - 1);
        let mut i = upper;
        while lower < i {
            indices.push(i as usize);
            i += step;
        }
    }
    indices
}
