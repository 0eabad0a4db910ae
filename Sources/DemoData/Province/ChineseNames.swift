/// Names for people, employers and institutions of the demo province.
enum ChineseNames {
    /// Common surnames, most frequent first (the first ones are drawn more often).
    static let surnames: [String] = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严武莫孔向汤"
    ).map(String.init)

    static let maleGiven: [String] = Array("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳峰建国志文海东亮成春晓荣坤武庆")
        .map(String.init)
    static let femaleGiven: [String] = Array("芳娜敏静丽艳娟霞秀玲桂英慧婷雪琳洁丹颖倩萍红梅燕兰月玉佳欣怡悦璐蕾晶薇雯莉琴")
        .map(String.init)

    /// A person's name: a surname and one or two given characters.
    static func person(male: Bool, _ rng: inout DemoRandom) -> String {
        let surnameIndex = min(rng.int(0...(surnames.count - 1)), rng.int(0...(surnames.count - 1)))
        let given = male ? maleGiven : femaleGiven
        var name = surnames[surnameIndex] + rng.pick(given)
        if rng.chance(perMille: 700) { name += rng.pick(given) }
        return name
    }

    /// Trade-name words of employers.
    static let tradeWords: [String] = [
        "恒达", "宏远", "华美", "鑫源", "永泰", "金桥", "东方", "新世纪", "博远", "腾飞", "海通", "盛世", "瑞丰", "天成", "隆昌",
        "汇通", "佳和", "鼎盛", "安顺", "振华", "富强", "长城", "国泰", "宏达", "精工", "立信", "万象", "中联", "协力", "顺发",
        "广源", "荣昌", "兴业", "明辉", "银河", "嘉禾", "凯旋", "远航", "百川", "德胜",
    ]

    static let hospitalNames: [String] = [
        "第一人民医院", "中心医院", "中医院", "第二人民医院", "骨伤科医院", "第三人民医院", "协和医院", "仁济医院", "广济医院",
        "同济医院", "第四人民医院", "第五人民医院",
    ]

    static let specialties: [String] = [
        "骨科", "神经外科", "手外科", "眼科", "耳鼻喉科", "普外科", "胸外科", "烧伤整形科", "职业病科", "康复医学科", "神经内科",
        "泌尿外科",
    ]
}

/// An industry section of GB/T 4754 with its usual 行业工伤风险类别 and the shape of its employers' names.
struct Industry: Sendable {
    var letter: String
    /// Employer weight among the province's employers, per mille.
    var weight: Int
    var riskClasses: ClosedRange<Int>
    var suffixes: [String]

    static let all: [Industry] = [
        Industry(letter: "A", weight: 20, riskClasses: 3...4, suffixes: ["农业开发有限公司", "水产养殖有限公司"]),
        Industry(letter: "B", weight: 15, riskClasses: 7...8, suffixes: ["矿业有限公司", "石料开采有限公司"]),
        Industry(
            letter: "C", weight: 330, riskClasses: 3...6,
            suffixes: ["机械制造有限公司", "电子科技有限公司", "纺织有限公司", "化工有限公司", "五金制品有限公司", "汽车零部件有限公司", "食品有限公司"]),
        Industry(letter: "D", weight: 15, riskClasses: 3...3, suffixes: ["热电有限公司", "燃气有限公司"]),
        Industry(letter: "E", weight: 120, riskClasses: 5...7, suffixes: ["建设工程有限公司", "建筑劳务有限公司", "市政工程有限公司"]),
        Industry(letter: "F", weight: 110, riskClasses: 1...2, suffixes: ["商贸有限公司", "超市连锁有限公司"]),
        Industry(letter: "G", weight: 80, riskClasses: 4...5, suffixes: ["物流有限公司", "运输有限公司", "快递服务有限公司"]),
        Industry(letter: "H", weight: 60, riskClasses: 2...2, suffixes: ["餐饮管理有限公司", "酒店有限公司"]),
        Industry(letter: "I", weight: 40, riskClasses: 1...1, suffixes: ["网络科技有限公司", "软件有限公司"]),
        Industry(letter: "J", weight: 10, riskClasses: 1...1, suffixes: ["小额贷款有限公司"]),
        Industry(letter: "K", weight: 40, riskClasses: 2...2, suffixes: ["物业服务有限公司", "房地产开发有限公司"]),
        Industry(letter: "L", weight: 50, riskClasses: 1...2, suffixes: ["人力资源有限公司", "商务咨询有限公司"]),
        Industry(letter: "M", weight: 20, riskClasses: 1...1, suffixes: ["检测技术有限公司", "设计院有限公司"]),
        Industry(letter: "N", weight: 20, riskClasses: 3...3, suffixes: ["环境工程有限公司", "园林绿化有限公司"]),
        Industry(letter: "O", weight: 30, riskClasses: 2...2, suffixes: ["家政服务有限公司", "汽车维修有限公司"]),
        Industry(letter: "P", weight: 15, riskClasses: 1...1, suffixes: ["职业培训学校"]),
        Industry(letter: "Q", weight: 10, riskClasses: 1...1, suffixes: ["养老服务中心"]),
        Industry(letter: "R", weight: 10, riskClasses: 2...2, suffixes: ["文化传媒有限公司"]),
        Industry(letter: "S", weight: 5, riskClasses: 1...1, suffixes: ["社区服务中心"]),
    ]
}
