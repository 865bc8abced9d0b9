/// The words themselves. The catalogs' labels for each kind and area are among them (a test
/// checks that every label is read back as its own value), with the other ways offices write them.
extension ImportVocabulary {
    static let countryAliases: [(String, [String])] = [
        (
            "CN",
            [
                "Tiongkok", "China", "Cina", "RRT", "RRC", "Republik Rakyat Tiongkok", "People's Republic of China",
                "PRC",
            ]
        ),
        ("KR", ["Korea", "Korsel", "Republic of Korea", "Korea Selatan", "Republik Korea"]),
        ("KP", ["Korut", "DPRK"]),
        ("US", ["Amerika", "AS", "USA", "United States of America", "Amerika Serikat", "U.S.A."]),
        ("GB", ["Inggris", "UK", "England", "Britania Raya", "Great Britain", "United Kingdom"]),
        ("NL", ["Holland", "Belanda"]),
        ("CZ", ["Republik Ceko", "Czech Republic"]),
        ("TR", ["Turki", "Turkey", "Türkiye", "Turkiye"]),
        ("RU", ["Rusia", "Russia", "Federasi Rusia"]),
        ("VN", ["Vietnam", "Viet Nam"]),
        ("TW", ["Taiwan", "Republic of China"]),
        ("AE", ["UAE", "Uni Emirat Arab", "Emirat Arab"]),
        ("PS", ["Palestina", "Palestine"]),
        ("TL", ["Timor Leste", "Timor-Leste", "East Timor"]),
        ("IE", ["Republic of Ireland", "Irlandia"]),
        ("BA", ["Bosnia and Hercegovina", "Bosnia-Herzegovina"]),
        ("CI", ["Ivory Coast", "Pantai Gading"]),
        ("CD", ["Democratic Republic of the Congo", "DR Congo", "Republik Demokratik Kongo"]),
        ("FM", ["Federated States of Micronesia"]),
        ("PS", ["West Bank"]),
    ]

    static let partnershipKindNames: [(Partnership.Kind, [String])] = [
        (
            .sisterCity,
            [
                "Kota Kembar", "kota kembar", "Kota Bersaudara", "Sister city", "Sister cities", "Twin town",
                "Twin city", "Sister-city", "Kota Kembar (Sister City)", "Sister City Agreement",
            ]
        ),
        (
            .sisterProvince,
            ["Provinsi Kembar", "provinsi kembar", "Provinsi Bersaudara", "Sister province", "Sister state"]
        ),
        (.institution, ["Lembaga", "lembaga asing", "Institution", "Institusi", "Foreign institution", "KSDLL"]),
        (.foreignGovernment, ["Pemerintah Asing", "pemerintah asing", "Foreign government", "Pemerintah"]),
        (.other, ["Lainnya", "Lain-lain", "Other", "lainnya"]),
    ]

    static let agreementTypeNames: [(Agreement.Kind, [String])] = [
        (.mou, ["MoU", "Memorandum of Understanding", "Nota Kesepahaman", "Memorandum Saling Pengertian"]),
        (.loi, ["LoI", "Letter of Intent", "Surat Minat", "surat minat (LoI)", "Surat Pernyataan Kehendak"]),
        (.agreement, ["Perjanjian", "Agreement", "Perjanjian Kerja Sama", "PKS", "perjanjian"]),
        (.planOfAction, ["Rencana Aksi", "rencana aksi", "Plan of action", "PoA", "Action plan"]),
        (.addendum, ["Adendum", "Addendum", "Amandemen", "Amendment", "adendum"]),
        (.renewal, ["Pembaruan", "Perpanjangan", "Renewal", "pembaruan"]),
    ]

    static let activityKindNames: [(Activity.Kind, [String])] = [
        (.visit, ["Kunjungan", "Visit", "Kunjungan Kerja", "Lawatan"]),
        (.exchange, ["Pertukaran", "Exchange", "Pertukaran Pelajar"]),
        (.training, ["Pelatihan", "Training", "Workshop", "Lokakarya"]),
        (.study, ["Studi", "Kajian", "Study", "Studi Banding"]),
        (.meeting, ["Rapat", "Pertemuan", "Meeting", "Sidang"]),
        (.event, ["Acara", "Festival", "Event"]),
        (.exhibition, ["Pameran", "Exhibition", "Expo"]),
        (.competition, ["Lomba", "Kompetisi", "Competition", "Perlombaan"]),
        (.donation, ["Donasi", "Hibah", "Bantuan", "Donation", "Grant"]),
        (.agreement, ["Penandatanganan", "Signing", "Agreement", "Perjanjian"]),
        (.communication, ["Komunikasi", "Korespondensi", "Surat", "Communication", "Letter"]),
        (.other, ["Lainnya", "Lain-lain", "Other"]),
    ]

    /// Each area with its labels (the catalogs', Indonesian then English) and the other words for it.
    static let areaNames: [(id: String, names: [String])] = [
        (
            "economy",
            [
                "ekonomi, perdagangan, industri, dan pariwisata", "economy, trade, industry and tourism", "ekonomi",
                "economic", "investasi", "investment", "umkm", "bisnis", "business", "penanaman modal",
            ]
        ),
        (
            "science-technology",
            [
                "ilmu pengetahuan, teknologi, dan administrasi", "science, technology and administration", "iptek",
                "sains", "riset", "penelitian", "research", "inovasi", "innovation", "digital",
            ]
        ),
        (
            "education-culture",
            [
                "pendidikan, kebudayaan, kesejahteraan sosial, pemuda, dan olahraga",
                "education, culture, social welfare, youth and sports", "budaya", "seni", "kesenian", "arts",
                "cultural", "sport", "beasiswa", "scholarship", "sekolah", "school",
            ]
        ),
        (
            "environment-urban",
            [
                "lingkungan hidup, kependudukan, dan pembangunan perkotaan",
                "environment, population and urban development", "lingkungan", "environmental", "perkotaan",
                "tata kota", "urban planning", "infrastruktur", "infrastructure", "transportasi", "transport",
                "sampah", "waste", "sanitasi", "sanitation", "perumahan", "housing",
            ]
        ),
        ("governance", ["tata kelola pemerintahan", "governance", "pemerintahan", "birokrasi", "pelayanan publik"]),
        ("health", ["kesehatan", "health", "medis", "medical", "rumah sakit", "hospital"]),
        ("other", ["bidang lain yang disepakati", "other areas agreed", "lainnya", "lain-lain", "other"]),
    ]

    /// Words too common to tell one area from another.
    static let stopWords: Set<String> = [
        "dan", "and", "serta", "the", "of", "untuk", "for", "di", "in", "bidang", "kerja", "sama", "kerjasama",
        "lain", "lainnya", "other", "yang", "disepakati", "agreed", "areas", "area", "pembangunan", "development",
        "hidup", "sosial", "social", "umum",
    ]
}
