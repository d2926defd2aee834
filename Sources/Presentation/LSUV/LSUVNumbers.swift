import Experiments

extension LSUVPresenter {
    /// The networks, LSUV's settings, and what each start gave, as the prose quotes them.
    static let numbers: [NamedNumber<Self>] = [
        NamedNumber("lsuv_depth") { $0.parameters.setups.first.map { Double($0.depth) } },
        NamedNumber("lsuv_width") { $0.parameters.setups.first.map { Double($0.width) } },
        NamedNumber("lsuv_steps") { $0.parameters.setups.first.map { Double($0.steps) } },
        NamedNumber("lsuv_seeds") { Double($0.parameters.seeds) },
        NamedNumber("lsuv_batch") { Double($0.parameters.lsuvBatch) },
        NamedNumber("lsuv_relu_most_rescalings") { $0.mostRescalings("relu") },
        NamedNumber("lsuv_tanh_most_rescalings") { $0.mostRescalings("tanh") },
        NamedNumber("lsuv_relu_lsuv_accuracy") { $0.finalAccuracy("relu", .lsuv)?.mean },
        NamedNumber("lsuv_relu_lsuv_interval") { $0.finalAccuracy("relu", .lsuv)?.halfWidth },
        NamedNumber("lsuv_relu_baseline_accuracy") { $0.finalAccuracy("relu", .baseline)?.mean },
        NamedNumber("lsuv_relu_baseline_interval") { $0.finalAccuracy("relu", .baseline)?.halfWidth },
        NamedNumber("lsuv_tanh_lsuv_accuracy") { $0.finalAccuracy("tanh", .lsuv)?.mean },
        NamedNumber("lsuv_tanh_lsuv_interval") { $0.finalAccuracy("tanh", .lsuv)?.halfWidth },
        NamedNumber("lsuv_tanh_baseline_accuracy") { $0.finalAccuracy("tanh", .baseline)?.mean },
        NamedNumber("lsuv_tanh_baseline_interval") { $0.finalAccuracy("tanh", .baseline)?.halfWidth },
        NamedNumber("lsuv_relu_baseline_last_variance") { $0.lastVariance("relu", .baseline) },
        NamedNumber("lsuv_tanh_baseline_last_variance") { $0.lastVariance("tanh", .baseline) },
    ]
}
