import FundModel

extension EntitlementCalculator {
    /// The calculator of a data set: its parameters and regions, and the province's item rows.
    ///
    /// A data set without `parameters.csv` gives a calculator that reports every
    /// parameter as missing rather than one that silently computes nothing.
    public init(dataSet: DataSet) {
        self.init(
            parameters: ParameterTable(parameters: dataSet.parameters ?? [], regions: dataSet.regions),
            items: ItemList(provincialRows: dataSet.benefitItems ?? []))
    }
}
