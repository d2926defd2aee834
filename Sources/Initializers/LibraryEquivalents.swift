/// A library whose initialisers the catalogue compares against.
public enum Library: String, Sendable, Hashable, CaseIterable {
    /// `torch.nn.init`.
    case pytorch = "PyTorch"
    /// `keras.initializers`, Keras 3.
    case keras = "Keras"
    /// `jax.nn.initializers`.
    case jax = "JAX"
    /// `lasagne.init`.
    case lasagne = "Lasagne"
    /// Flux.jl's initialisers.
    case flux = "Flux"
}

/// A library's counterpart of a rule: its name there (nil when it has none) and what differs.
public struct LibraryEquivalent: Sendable, Hashable {
    /// The library.
    public let library: Library
    /// The initialiser's name or call in the library, or nil when it has none.
    public let name: String?
    /// The differences that matter, or how to get the rule when the library has no name for it.
    public let note: String

    /// A counterpart in `library`.
    public init(_ library: Library, _ name: String?, _ note: String) {
        self.library = library
        self.name = name
        self.note = note
    }
}

extension RuleID {
    /// The rule in PyTorch (`torch.nn.init`), Keras 3 (`keras.initializers`), JAX
    /// (`jax.nn.initializers`), Lasagne (`lasagne.init`) and Flux.jl, in that order.
    ///
    /// Layouts differ (Keras, JAX and Flux kernels are (…, in, out), Lasagne's dense W is
    /// (in, out)) but each library reads the fans of its own layout, so the same rule gives the
    /// same variance; the notes list only what changes the distribution.
    public var equivalents: [LibraryEquivalent] {
        switch self {
        case .zeros:
            [
                LibraryEquivalent(.pytorch, "zeros_", "same"),
                LibraryEquivalent(.keras, "Zeros", "same; the default bias initialiser"),
                LibraryEquivalent(.jax, "zeros", "same"),
                LibraryEquivalent(.lasagne, "Constant()", "same (val defaults to 0); the default bias"),
                LibraryEquivalent(.flux, "zeros32", "same; the default bias"),
            ]
        case .constant:
            [
                LibraryEquivalent(.pytorch, "constant_(w, val)", "same"),
                LibraryEquivalent(.keras, "Constant(value)", "same (value defaults to 0)"),
                LibraryEquivalent(.jax, "constant(value)", "same"),
                LibraryEquivalent(.lasagne, "Constant(val)", "same (val defaults to 0)"),
                LibraryEquivalent(.flux, nil, "none; fill(c, dims...)"),
            ]
        case .normal:
            [
                LibraryEquivalent(
                    .pytorch, "normal_(w, std=σ)",
                    "std defaults to 1, not 0.01; trunc_normal_ cuts at absolute bounds (−2, 2), not at 2σ, and does not restore the variance"
                ),
                LibraryEquivalent(
                    .keras, "RandomNormal(stddev=σ)", "stddev defaults to 0.05; TruncatedNormal cuts at 2σ without restoring the variance"),
                LibraryEquivalent(
                    .jax, "normal(stddev=σ)", "stddev defaults to 0.01; truncated_normal cuts at 2σ without restoring the variance"),
                LibraryEquivalent(.lasagne, "Normal(std=σ)", "same default 0.01"),
                LibraryEquivalent(
                    .flux, "randn32", "times σ by hand; truncated_normal cuts at absolute bounds (−2, 2) without restoring the variance"),
            ]
        case .uniform:
            [
                LibraryEquivalent(.pytorch, "uniform_(w, -b, b)", "the defaults give U(0, 1), not symmetric"),
                LibraryEquivalent(.keras, "RandomUniform(-b, b)", "defaults to U(−0.05, 0.05), maximum excluded"),
                LibraryEquivalent(.jax, nil, "uniform(scale) is one-sided, U[0, scale); use jax.random.uniform with minval=-b, maxval=b"),
                LibraryEquivalent(.lasagne, "Uniform(range=b)", "defaults to U(−0.01, 0.01)"),
                LibraryEquivalent(.flux, "rand32", "(rand32(dims...) .- 0.5f0) .* 2b by hand"),
            ]
        case .fanInUniform:
            [
                LibraryEquivalent(
                    .pytorch, "nn.Linear and nn.Conv*d default",
                    "kaiming_uniform_(w, a=√5): gain √(2/6) gives exactly b = 1/√fan_in; the bias is U(±1/√fan_in) too"),
                LibraryEquivalent(
                    .keras, "VarianceScaling(1/3, 'fan_in', 'uniform')", "not a default: Keras layers start from Glorot uniform"),
                LibraryEquivalent(.jax, "variance_scaling(1/3, 'fan_in', 'uniform')", "not a default"),
                LibraryEquivalent(.lasagne, "HeUniform(gain=1/√3)", "not a default: Lasagne layers start from Glorot uniform"),
                LibraryEquivalent(.flux, "kaiming_uniform(gain=1/√3)", "not a default: Flux layers start from Glorot uniform"),
            ]
        case .lecunNormal:
            [
                LibraryEquivalent(.pytorch, "kaiming_normal_(w, nonlinearity='linear')", "no lecun_ function; untruncated"),
                LibraryEquivalent(.keras, "LecunNormal", "truncated at 2 sd and widened by 1/0.8796 (distribution truncated-normal)"),
                LibraryEquivalent(.jax, "lecun_normal", "truncated and widened like Keras"),
                LibraryEquivalent(.lasagne, "HeNormal()", "Lasagne's He defaults to gain 1, which is LeCun; untruncated"),
                LibraryEquivalent(.flux, "kaiming_normal(gain=1)", "untruncated"),
            ]
        case .lecunUniform:
            [
                LibraryEquivalent(.pytorch, "kaiming_uniform_(w, nonlinearity='linear')", "no lecun_ function"),
                LibraryEquivalent(.keras, "LecunUniform", "same"),
                LibraryEquivalent(.jax, "lecun_uniform", "same"),
                LibraryEquivalent(.lasagne, "HeUniform()", "Lasagne's He defaults to gain 1, which is LeCun"),
                LibraryEquivalent(.flux, "kaiming_uniform(gain=1)", "same"),
            ]
        case .glorotNormal:
            [
                LibraryEquivalent(.pytorch, "xavier_normal_", "untruncated"),
                LibraryEquivalent(.keras, "GlorotNormal", "truncated at 2 sd and widened by 1/0.8796 (distribution truncated-normal)"),
                LibraryEquivalent(.jax, "glorot_normal", "truncated and widened like Keras"),
                LibraryEquivalent(.lasagne, "GlorotNormal", "untruncated"),
                LibraryEquivalent(.flux, "glorot_normal", "untruncated"),
            ]
        case .glorotUniform:
            [
                LibraryEquivalent(.pytorch, "xavier_uniform_", "same"),
                LibraryEquivalent(.keras, "GlorotUniform", "same; the default kernel initialiser of Dense and Conv"),
                LibraryEquivalent(.jax, "glorot_uniform", "same"),
                LibraryEquivalent(.lasagne, "GlorotUniform", "same; the default W of Dense and Conv layers"),
                LibraryEquivalent(.flux, "glorot_uniform", "same, U[−b, b); the default init of Dense and Conv"),
            ]
        case .glorotUniformSigmoid:
            [
                LibraryEquivalent(.pytorch, "xavier_uniform_(w, gain=4)", "calculate_gain('sigmoid') is 1, not 4"),
                LibraryEquivalent(.keras, "VarianceScaling(16, 'fan_avg', 'uniform')", "scale is gain², so 16"),
                LibraryEquivalent(.jax, "variance_scaling(16, 'fan_avg', 'uniform')", "scale is gain², so 16"),
                LibraryEquivalent(.lasagne, "GlorotUniform(gain=4.0)", "same"),
                LibraryEquivalent(.flux, "glorot_uniform(gain=4)", "same"),
            ]
        case .heNormal:
            [
                LibraryEquivalent(.pytorch, "kaiming_normal_(w, a, mode)", "untruncated; the defaults (a = 0, leaky_relu) give gain √2"),
                LibraryEquivalent(
                    .keras, "HeNormal",
                    "fan_in only, truncated at 2 sd and widened; VarianceScaling(2/(1+a²), mode, 'truncated_normal') otherwise"),
                LibraryEquivalent(
                    .jax, "he_normal", "fan_in only, truncated and widened; variance_scaling(2/(1+a²), mode, 'truncated_normal') otherwise"),
                LibraryEquivalent(.lasagne, "HeNormal(gain='relu')", "fan_in only, untruncated; the default gain 1 gives LeCun, not He"),
                LibraryEquivalent(.flux, "kaiming_normal", "fan_in only, untruncated; gain √2 by default"),
            ]
        case .heUniform:
            [
                LibraryEquivalent(
                    .pytorch, "kaiming_uniform_(w, a, mode)", "same; nn.Linear calls it with a = √5, which is fan-in-uniform, not He"),
                LibraryEquivalent(.keras, "HeUniform", "fan_in only; VarianceScaling(2/(1+a²), mode, 'uniform') otherwise"),
                LibraryEquivalent(.jax, "he_uniform", "fan_in only; variance_scaling(2/(1+a²), mode, 'uniform') otherwise"),
                LibraryEquivalent(.lasagne, "HeUniform(gain='relu')", "fan_in only; the default gain 1 gives LeCun, not He"),
                LibraryEquivalent(.flux, "kaiming_uniform", "fan_in only; gain √2 by default"),
            ]
        case .kumar:
            [
                LibraryEquivalent(.pytorch, nil, "none; normal_(w, std=√(12.8/fan_in)) for the sigmoid"),
                LibraryEquivalent(.keras, nil, "none; VarianceScaling(12.8, 'fan_in', 'untruncated_normal') for the sigmoid"),
                LibraryEquivalent(.jax, nil, "none; variance_scaling(12.8, 'fan_in', 'normal') for the sigmoid"),
                LibraryEquivalent(.lasagne, nil, "none; HeNormal(gain=√12.8) for the sigmoid"),
                LibraryEquivalent(.flux, nil, "none; kaiming_normal(gain=√12.8) for the sigmoid"),
            ]
        case .orthogonal:
            [
                LibraryEquivalent(.pytorch, "orthogonal_(w, gain)", "same construction; flattens the trailing dimensions, as here"),
                LibraryEquivalent(
                    .keras, "Orthogonal(gain)", "same construction; flattens the leading dimensions of its (…, in, out) kernel"),
                LibraryEquivalent(.jax, "orthogonal(scale)", "same construction; its scale multiplies Q, so it is a gain, not gain²"),
                LibraryEquivalent(.lasagne, "Orthogonal(gain)", "SVD instead of QR, with no sign correction"),
                LibraryEquivalent(.flux, "orthogonal(gain=g)", "same construction"),
            ]
        case .sparse:
            [
                LibraryEquivalent(
                    .pytorch, "sparse_(w, sparsity, std=0.01)",
                    "sparsity is the fraction of zeros per column, i.e. per input: a unit's fan-in is not fixed"),
                LibraryEquivalent(.keras, nil, "none"),
                LibraryEquivalent(.jax, nil, "none"),
                LibraryEquivalent(
                    .lasagne, "Sparse(sparsity, std=0.01)",
                    "sparsity is the fraction of nonzeros per unit, rounded down: the closest to Martens"),
                LibraryEquivalent(.flux, "sparse_init(sparsity=s, std=0.01)", "as PyTorch: the fraction of zeros per input"),
            ]
        case .identity:
            [
                LibraryEquivalent(.pytorch, "eye_ and dirac_", "no gain; dirac_ puts the kernel's tap at index k/2, as here"),
                LibraryEquivalent(.keras, "Identity(gain)", "2-D only"),
                LibraryEquivalent(.jax, nil, "none; delta_orthogonal puts an orthogonal matrix at the centre tap (k−1)/2"),
                LibraryEquivalent(.lasagne, nil, "none"),
                LibraryEquivalent(.flux, "identity_init(gain=g)", "a kernel's tap at (k−1)/2, which differs from k/2 for even k"),
            ]
        case .lsuv:
            [
                LibraryEquivalent(
                    .pytorch, nil, "none in torch.nn.init; orthogonal_ each layer, then divide its weight by the std of its output on a batch"),
                LibraryEquivalent(.keras, nil, "none in keras.initializers; Orthogonal, then rescale each kernel on a batch by hand"),
                LibraryEquivalent(.jax, nil, "none in jax.nn.initializers; orthogonal, then rescale each kernel on a batch by hand"),
                LibraryEquivalent(.lasagne, nil, "none; the authors' reference code (ducha-aiki/LSUVinit) is a Caffe script"),
                LibraryEquivalent(.flux, nil, "none; orthogonal, then rescale each layer on a batch by hand"),
            ]
        }
    }
}
