// swift-tools-version:6.0
import PackageDescription

/// The numerics and the training loop are compiled with optimisation in debug builds too: the
/// tests train hundreds of small networks, which unoptimised loops make ten times slower, and
/// nothing in these two modules is stepped through in a debugger.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "initlab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "initlab", targets: ["initlab"]),
        .library(name: "Initializers", targets: ["Initializers"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "TeXMath", targets: ["TeXMath"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // The BLAS, which `make` unpacks into .build/openblas (scripts/fetch-openblas). Programs
        // find it beside them once installed, in the build folder otherwise (both relative to
        // the executable, so a moved checkout or install still runs).
        .target(
            name: "CBLAS",
            linkerSettings: [
                .linkedLibrary("scipy_openblas"),
                .unsafeFlags([
                    "-L", Context.packageDirectory + "/.build/openblas/lib",
                    "-Xlinker", "-rpath", "-Xlinker", "$ORIGIN/../lib/initlab",
                    "-Xlinker", "-rpath", "-Xlinker", "$ORIGIN/../../openblas/lib",
                ]),
            ]
        ),
        .target(name: "CSystem"),
        .target(name: "FileSafety", dependencies: ["CSystem"]),
        .target(name: "TextSupport"),
        .target(name: "Numerics", dependencies: ["CBLAS"], swiftSettings: optimizedInDebug),
        .target(name: "Initializers", dependencies: ["Numerics", "TextSupport"]),
        .target(name: "Charts", dependencies: ["CCairo", "CZlib", "Numerics", "TextSupport"]),
        // Every mark, scale and layout of Charts drawn once, for `initlab gallery` and as the chart tests' fixtures.
        .target(name: "ChartGallery", dependencies: ["Charts", "FileSafety", "TextSupport"]),
        .target(name: "TeXMath", dependencies: ["TextSupport"]),
        .target(name: "Networks", dependencies: ["Numerics", "Initializers", "CZlib"], swiftSettings: optimizedInDebug),
        // The digest of the code that computes results, made at build time, keys the result cache.
        .executableTarget(name: "CodeDigest"),
        .plugin(name: "CodeIdentity", capability: .buildTool(), dependencies: ["CodeDigest"]),
        // The templates as Swift source, so the executable carries them and runs from any folder.
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(name: "BuiltInTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        .target(
            name: "Experiments",
            dependencies: ["Initializers", "Networks", "Numerics", "CBLAS", "FileSafety", "TextSupport"],
            plugins: ["CodeIdentity"]
        ),
        // What each experiment's result looks like: figures, tables and the numbers the prose quotes.
        .target(name: "Presentation", dependencies: ["Experiments", "Charts", "Numerics", "Initializers", "Networks", "TextSupport"]),
        .target(
            name: "Configuration",
            dependencies: ["Experiments", "Initializers", "Networks", "TextSupport", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Report",
            dependencies: [
                "Configuration", "Experiments", "Presentation", "Initializers", "Charts", "TeXMath", "TextSupport", "FileSafety",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Ink", package: "Ink"),
            ],
            plugins: ["BuiltInTemplates"]
        ),
        .executableTarget(
            name: "initlab",
            dependencies: [
                "Report", "Presentation", "Configuration", "ChartGallery", "Initializers", "Numerics", "FileSafety", "TextSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "benchmarks", dependencies: ["Experiments", "Charts", "Networks", "Numerics"]),
        .executableTarget(name: "sweep", dependencies: ["Experiments", "Numerics"]),
        // The tests' shared scratch folder, which each test removes when done.
        .target(name: "Scratch", path: "Tests/Scratch"),
        .testTarget(name: "TextSupportTests", dependencies: ["TextSupport"]),
        .testTarget(name: "NumericsTests", dependencies: ["Numerics"]),
        .testTarget(name: "InitializersTests", dependencies: ["Initializers"]),
        .testTarget(name: "NetworksTests", dependencies: ["Networks", "Scratch", "CZlib"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "ChartGallery", "Numerics"]),
        .testTarget(name: "ChartGalleryTests", dependencies: ["ChartGallery", "Charts", "FileSafety", "Scratch"]),
        .testTarget(name: "TeXMathTests", dependencies: ["TeXMath"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments"]),
        .testTarget(name: "PresentationTests", dependencies: ["Presentation", "Experiments"]),
        .testTarget(name: "CodeDigestTests", dependencies: ["CodeDigest"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "Scratch", "TextSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Configuration", "FileSafety", "Scratch", "TextSupport"]),
        .testTarget(name: "initlabTests", dependencies: ["initlab", "Scratch"], exclude: ["Snapshots"]),
        .testTarget(name: "FileSafetyTests", dependencies: ["FileSafety", "Scratch"]),
        .testTarget(name: "benchmarksTests", dependencies: ["benchmarks"]),
    ]
)
