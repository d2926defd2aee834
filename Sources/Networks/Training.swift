import Numerics

extension Network {
    /// Trains on mini-batches of `trainingSet` (see BatchSampler for their order), drawn from
    /// `random`, evaluating on `heldOut` at the configured steps, after which `observe` sees the
    /// step and the network (to probe its activations, say). Stops at the first NaN or ±∞ in a
    /// loss or a parameter and records where: a diverging run ends early, it never traps.
    ///
    /// Everything is allocated before the first step; a step itself allocates nothing.
    public mutating func train(
        on trainingSet: any Dataset, heldOut: LabelledData, configuration: TrainingConfiguration,
        random: RandomSource, observe: (_ step: Int, _ network: Network) -> Void = { _, _ in }
    ) -> TrainingRecord {
        precondition(
            trainingSet.featureCount == architecture.inputs && heldOut.featureCount == architecture.inputs,
            "the data has another number of features than the network has inputs")
        precondition(
            trainingSet.classCount <= architecture.outputs && heldOut.classCount <= architecture.outputs,
            "the data has more classes than the network has outputs")
        var sampler = BatchSampler(trainingSet, random: random.derived("batches"))
        var workspace = Workspace(architecture, batchSize: configuration.batchSize)
        var evaluator = HeldOutEvaluator(architecture, data: heldOut)
        var gradients = Gradients(architecture), velocity = Gradients(architecture)
        let checkpoints = Set(configuration.evaluationSteps.filter { (0...configuration.steps).contains($0) })
        var record = TrainingRecord(evaluations: [], divergence: nil, steps: 0)
        record.evaluations.reserveCapacity(checkpoints.count)
        var lossSum = 0.0, lossCount = 0
        for step in 0...configuration.steps {
            if checkpoints.contains(step) {
                let (loss, accuracy) = evaluator.evaluate(self, loss: configuration.loss)
                guard loss.isFinite else {
                    record.divergence = Divergence(step: step, cause: .heldOutLoss)
                    return record
                }
                record.evaluations.append(
                    Evaluation(
                        step: step, trainingLoss: lossCount > 0 ? lossSum / Double(lossCount) : nil,
                        heldOutLoss: loss, heldOutAccuracy: accuracy))
                (lossSum, lossCount) = (0, 0)
                observe(step, self)
            }
            guard step < configuration.steps else { break }
            sampler.fill(&workspace)
            let loss = forwardWithLoss(&workspace, loss: configuration.loss)
            guard loss.isFinite else {
                record.divergence = Divergence(step: step + 1, cause: .trainingLoss)
                return record
            }
            lossSum += loss
            lossCount += 1
            let finite = backward(&workspace, stepping: configuration.optimizer, gradients: &gradients, velocity: &velocity)
            record.steps = step + 1
            guard finite else {
                record.divergence = Divergence(step: step + 1, cause: .parameters)
                return record
            }
        }
        return record
    }
}
