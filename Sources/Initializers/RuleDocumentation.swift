/// What the handout and `initlab rules` say about each rule. Formulas and variances are written
/// for gain 1: a gain multiplies every standard deviation, so the variance by gain².
///
/// TeX uses n_in and n_out for the fans; the plain-text forms use fan_in and fan_out.
extension RuleID {
    /// The name of the rule in prose.
    public var displayName: String {
        switch self {
        case .zeros: "Zeros"
        case .constant: "Constant"
        case .normal: "Small normal"
        case .uniform: "Fixed-range uniform"
        case .fanInUniform: "Fan-in uniform (the \"standard\" initialisation)"
        case .lecunNormal: "LeCun normal"
        case .lecunUniform: "LeCun uniform"
        case .glorotNormal: "Glorot (Xavier) normal"
        case .glorotUniform: "Glorot (Xavier) uniform"
        case .glorotUniformSigmoid: "Glorot uniform for logistic units"
        case .heNormal: "He (Kaiming) normal"
        case .heUniform: "He (Kaiming) uniform"
        case .kumar: "Kumar"
        case .orthogonal: "Orthogonal"
        case .sparse: "Sparse"
        case .identity: "Identity"
        case .lsuv: "LSUV (layer-sequential unit variance)"
        }
    }

    /// The rule in plain text.
    public var formula: String {
        switch self {
        case .zeros: "w = 0"
        case .constant: "w = c"
        case .normal: "w ~ N(0, s²), s = 0.01 unless given"
        case .uniform: "w ~ U(−b, b)"
        case .fanInUniform: "w ~ U(−1/√fan_in, 1/√fan_in)"
        case .lecunNormal: "w ~ N(0, 1/fan_in)"
        case .lecunUniform: "w ~ U(−b, b), b = √(3/fan_in)"
        case .glorotNormal: "w ~ N(0, 2/(fan_in + fan_out))"
        case .glorotUniform: "w ~ U(−b, b), b = √(6/(fan_in + fan_out))"
        case .glorotUniformSigmoid: "w ~ U(−b, b), b = 4·√(6/(fan_in + fan_out))"
        case .heNormal: "w ~ N(0, 2/((1 + a²)·fan)), fan = fan_in or fan_out, a the negative slope"
        case .heUniform: "w ~ U(−b, b), b = √(6/((1 + a²)·fan)), fan = fan_in or fan_out"
        case .kumar: "w ~ N(0, 1/(fan_in·φ′(0)²·(1 + φ(0)²)))"
        case .orthogonal: "W = Q·diag(sign Rⱼⱼ) from G = QR, G Gaussian (max × min); transposed when rows < columns"
        case .sparse: "k random incoming weights per unit ~ N(0, s²), s = 1; the others 0"
        case .identity: "W = I (rectangular allowed; a centred delta for a kernel)"
        case .lsuv: "W orthogonal, then layer by layer W ← W/√Var(XWᵀ + b) on a batch until |Var − 1| < 0.1 (at most 10 times)"
        }
    }

    /// The rule in TeX.
    public var formulaTeX: String {
        switch self {
        case .zeros: #"w = 0"#
        case .constant: #"w = c"#
        case .normal: #"w \sim \mathcal{N}(0, s^2), \quad s = 0.01"#
        case .uniform: #"w \sim \mathcal{U}(-b, b)"#
        case .fanInUniform: #"w \sim \mathcal{U}\left(-\frac{1}{\sqrt{n_{\text{in}}}}, \frac{1}{\sqrt{n_{\text{in}}}}\right)"#
        case .lecunNormal: #"w \sim \mathcal{N}\left(0, \frac{1}{n_{\text{in}}}\right)"#
        case .lecunUniform: #"w \sim \mathcal{U}(-b, b), \quad b = \sqrt{\frac{3}{n_{\text{in}}}}"#
        case .glorotNormal: #"w \sim \mathcal{N}\left(0, \frac{2}{n_{\text{in}} + n_{\text{out}}}\right)"#
        case .glorotUniform: #"w \sim \mathcal{U}(-b, b), \quad b = \sqrt{\frac{6}{n_{\text{in}} + n_{\text{out}}}}"#
        case .glorotUniformSigmoid: #"w \sim \mathcal{U}(-b, b), \quad b = 4\sqrt{\frac{6}{n_{\text{in}} + n_{\text{out}}}}"#
        case .heNormal: #"w \sim \mathcal{N}\left(0, \frac{2}{(1 + a^2)\, n_{\text{fan}}}\right), \quad n_{\text{fan}} = n_{\text{in}} \text{ or } n_{\text{out}}"#
        case .heUniform:
            #"w \sim \mathcal{U}(-b, b), \quad b = \sqrt{\frac{6}{(1 + a^2)\, n_{\text{fan}}}}, \quad n_{\text{fan}} = n_{\text{in}} \text{ or } n_{\text{out}}"#
        case .kumar: #"w \sim \mathcal{N}\left(0, \frac{1}{n_{\text{in}}\, \varphi'(0)^2 \left(1 + \varphi(0)^2\right)}\right)"#
        case .orthogonal:
            #"W = Q \operatorname{diag}\left(\operatorname{sign} R_{jj}\right), \quad G = QR, \quad G_{ij} \sim \mathcal{N}(0, 1)"#
        case .sparse:
            #"w_{ij} \sim \mathcal{N}(0, s^2) \text{ for } k \text{ random } j \text{ per unit } i, \quad w_{ij} = 0 \text{ otherwise}"#
        case .identity: #"W = I"#
        case .lsuv: #"W \gets \frac{W}{\sqrt{\operatorname{Var}(X W^\top + b)}}, \quad \text{until } \left|\operatorname{Var} - 1\right| < 0.1"#
        }
    }

    /// Var(w) in plain text, or nil for the rules that draw nothing at random.
    public var varianceFormula: String? {
        switch self {
        case .zeros, .constant, .identity: nil
        case .lsuv: "whatever makes Var(XWᵀ + b) = 1 on the batch; about 1/(fan_in·E[x²]) with zero biases"
        case .normal: "s²"
        case .uniform: "b²/3"
        case .fanInUniform: "1/(3·fan_in)"
        case .lecunNormal, .lecunUniform: "1/fan_in"
        case .glorotNormal, .glorotUniform: "2/(fan_in + fan_out)"
        case .glorotUniformSigmoid: "16·2/(fan_in + fan_out)"
        case .heNormal, .heUniform: "2/((1 + a²)·fan)"
        case .kumar: "1/(fan_in·φ′(0)²·(1 + φ(0)²)); 12.8/fan_in for the logistic sigmoid"
        case .orthogonal: "1/max(rows, columns); 1/fan_in when square"
        case .sparse: "k·s²/fan_in"
        }
    }

    /// Var(w) in TeX, or nil for the rules that draw nothing at random.
    public var varianceTeX: String? {
        switch self {
        case .zeros, .constant, .identity: nil
        case .lsuv: #"\frac{1}{n_{\text{in}}\, \overline{x^2}} \text{ on the batch}"#
        case .normal: #"s^2"#
        case .uniform: #"\frac{b^2}{3}"#
        case .fanInUniform: #"\frac{1}{3 n_{\text{in}}}"#
        case .lecunNormal, .lecunUniform: #"\frac{1}{n_{\text{in}}}"#
        case .glorotNormal, .glorotUniform: #"\frac{2}{n_{\text{in}} + n_{\text{out}}}"#
        case .glorotUniformSigmoid: #"16 \cdot \frac{2}{n_{\text{in}} + n_{\text{out}}}"#
        case .heNormal, .heUniform: #"\frac{2}{(1 + a^2)\, n_{\text{fan}}}"#
        case .kumar: #"\frac{1}{n_{\text{in}}\, \varphi'(0)^2 \left(1 + \varphi(0)^2\right)}"#
        case .orthogonal: #"\frac{1}{\max(n_{\text{in}}, n_{\text{out}})}"#
        case .sparse: #"\frac{k s^2}{n_{\text{in}}}"#
        }
    }

    /// The assumption the rule rests on, and what it neglects.
    public var assumption: String {
        switch self {
        case .zeros, .constant:
            "None, and that is the point: units with the same incoming weights compute the same output and receive the same gradient, so they stay identical forever (the symmetry problem)."
        case .normal:
            "A scale small enough that no unit starts saturated (Hinton's advice for RBMs); it ignores the fan-in, so the signal shrinks or grows with width and depth."
        case .uniform:
            "A range chosen by hand; it ignores the fan-in, so a unit's input variance grows in proportion to its number of inputs."
        case .fanInUniform:
            "Weights independent of each other and of the inputs, with mean 0, and inputs with E[x²] = 1 (they may be correlated): then Var(a) = fan_in·Var(w)·E[x²] = 1/3 whatever the width, so logistic units start in their near-linear range; the factor 1/3 compounds with depth."
        case .lecunNormal, .lecunUniform:
            "Weights independent of each other and of the inputs, with mean 0, and inputs with E[x²] = 1: Var(a) = fan_in·Var(w)·E[x²] = 1, the forward signal's variance kept for an activation of slope 1 at 0 (tanh); also the self-normalising SELU's rule."
        case .glorotNormal, .glorotUniform:
            "Units in their linear regime at 0 (tanh): keeping the forward variance needs fan_in·Var(w) = 1 and keeping the backward gradient's needs fan_out·Var(w) = 1; the variance 2/(fan_in + fan_out) compromises between the two."
        case .glorotUniformSigmoid:
            "As Glorot uniform, for the logistic sigmoid, whose slope at 0 is 1/4: four times the standard deviation makes up for it (Bengio 2012; the 2010 paper does not have the factor). It neglects σ(0) = 1/2, which shifts the means."
        case .heNormal, .heUniform:
            "Rectifiers and symmetric pre-activations: a ReLU keeps half the second moment, a leaky ReLU or PReLU of slope a keeps (1 + a²)/2, so fan·Var(w) = 2/(1 + a²) keeps it through depth; fan_in keeps the forward signal, fan_out the backward gradient."
        case .kumar:
            "An activation φ differentiable at 0 and linearised there, E[φ(a)²] ≈ φ(0)² + φ′(0)²Var(a): the variance makes Var(a) = 1/φ′(0)² a fixed point from layer to layer (when φ(0) = 0 every variance is kept, and tanh gets LeCun's 1/fan_in). The logistic sigmoid gets 12.8/fan_in and a promised Var(a) = 16, far outside the linear range: the variance really settles near 4.5, and the unit-variance output the derivation asks for is out of reach of a unit bounded in (0, 1), whose variance is at most 1/4."
        case .orthogonal:
            "Deep linear networks: an orthogonal W preserves the norm of every input direction, not just the average variance, so learning dynamics do not depend on depth (Saxe et al. 2014). For non-square W only the rows or the columns are orthonormal."
        case .sparse:
            "A fixed number of inputs per unit: its input variance does not depend on the layer's width, the weights can be large (unit Gaussian), and the units still differ (Martens 2010, Sutskever et al. 2013)."
        case .identity:
            "Layers whose input and output mean the same, such as recurrent or residual ones: the layer starts as the identity map and learns a correction."
        case .lsuv:
            "Nothing about the activation or the data's distribution: it measures instead. Each layer's output variance on one batch is set to 1 by rescaling W, first layer to last, so every layer sees what the layers below really produce; one batch stands for the data, and biases are left alone (Mishkin & Matas 2016). With zero biases one rescaling reaches 1 exactly, since Var(cA) = c²·Var(A)."
        }
    }

    /// The activations and networks the rule is made for, in a few words.
    public var useWith: String {
        switch self {
        case .zeros: "Biases; never all the weights"
        case .constant: "Biases, batch-norm scales (1)"
        case .normal: "Shallow networks, RBMs"
        case .uniform: "Nothing in particular"
        case .fanInUniform: "One layer of logistic or tanh units"
        case .lecunNormal, .lecunUniform: "tanh, linear, SELU"
        case .glorotNormal, .glorotUniform: "tanh, linear, softmax outputs"
        case .glorotUniformSigmoid: "Logistic units"
        case .heNormal, .heUniform: "ReLU, leaky ReLU, PReLU"
        case .kumar: "Activations smooth at 0, such as the logistic"
        case .orthogonal: "Deep linear or tanh networks, recurrent weights"
        case .sparse: "Wide layers of tanh or logistic units"
        case .identity: "Recurrent ReLU networks, square layers"
        case .lsuv: "Any activation, when a batch of data is at hand; not with batch normalisation"
        }
    }

    /// The bibliography keys of the sources of the rule.
    public var citations: [String] {
        switch self {
        case .zeros, .constant, .uniform, .identity: []
        case .normal: ["hinton2010"]
        case .fanInUniform, .glorotNormal, .glorotUniform: ["glorot2010"]
        case .lecunNormal, .lecunUniform: ["lecun1998"]
        case .glorotUniformSigmoid: ["bengio2012"]
        case .heNormal, .heUniform: ["he2015"]
        case .kumar: ["kumar2017"]
        case .orthogonal: ["saxe2014"]
        case .sparse: ["martens2010", "sutskever2013"]
        case .lsuv: ["mishkin2016"]
        }
    }
}
