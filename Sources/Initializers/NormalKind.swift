/// What "normal" means for a rule that draws from a normal distribution.
///
/// Libraries disagree: PyTorch, Flux and Lasagne draw from the plain normal; Keras and JAX's
/// GlorotNormal, HeNormal and LecunNormal cut it at two standard deviations and widen it so the
/// variance is still the target. Keras even maps `distribution="normal"` to the truncated one,
/// while JAX's `"normal"` is untruncated.
public enum NormalKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// N(0, σ²), untruncated.
    case normal
    /// N(0, (σ/C)²) restricted to (−2σ/C, 2σ/C), where C = ``TruncatedNormal/unitStandardDeviation``,
    /// so that its variance is σ².
    case truncatedNormal = "truncated-normal"
}
