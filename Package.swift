// swift-tools-version:6.0
import PackageDescription

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
        .systemLibrary(
            name: "CBLAS",
            providers: [.apt(["libblis-pthread-dev"])]
        ),
        .target(name: "CSystem"),
        .target(name: "Numerics", dependencies: ["CBLAS"]),
        .target(name: "Initializers", dependencies: ["Numerics"]),
        .target(name: "Charts", dependencies: ["CCairo", "CZlib"]),
        .target(name: "TeXMath"),
        .target(name: "Networks", dependencies: ["Numerics", "Initializers"]),
        .target(name: "Experiments", dependencies: ["Initializers", "Networks", "Numerics", "Charts"]),
        .target(
            name: "Configuration",
            dependencies: ["Experiments", "Initializers", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Report",
            dependencies: [
                "Experiments", "Initializers", "Charts", "TeXMath", "CSystem",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        .executableTarget(
            name: "initlab",
            dependencies: [
                "Report", "Configuration", "Initializers", "Numerics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "benchmarks", dependencies: ["Experiments", "Charts", "Networks", "Numerics"]),
        .executableTarget(name: "sweep", dependencies: ["Experiments", "Numerics"]),
        .testTarget(name: "NumericsTests", dependencies: ["Numerics"]),
        .testTarget(name: "InitializersTests", dependencies: ["Initializers"]),
        .testTarget(name: "NetworksTests", dependencies: ["Networks"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "TeXMathTests", dependencies: ["TeXMath"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(name: "initlabTests", dependencies: ["initlab"]),
    ]
)
