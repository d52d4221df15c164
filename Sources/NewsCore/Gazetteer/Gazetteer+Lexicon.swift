// The project's own word lists, written by hand for newsdigest (same licence as the rest of the repository): common
// short forms of country names, regions and exonyms the generated lists lack, well-known organisations,
// nationality words and named events. None of it comes from the evaluation packs; see docs/gazetteers.md.

extension Gazetteer {
    /// Short and informal country names that ISO 3166 does not list.
    static let extraCountryList = """
        us
        u.s.
        usa
        u.s.a.
        america
        united states of america
        uk
        u.k.
        britain
        great britain
        england
        scotland
        wales
        northern ireland
        russia
        south korea
        north korea
        korea
        iran
        syria
        vietnam
        viet nam
        taiwan
        bolivia
        venezuela
        tanzania
        laos
        moldova
        czech republic
        czechia
        slovakia
        ivory coast
        holland
        the netherlands
        burma
        myanmar
        zaire
        yugoslavia
        soviet union
        ussr
        u.s.s.r.
        west germany
        east germany
        macedonia
        bosnia
        herzegovina
        bosnia-herzegovina
        congo
        vatican
        vatican city
        palestine
        hong kong
        macau
        macao
        kosovo
        tibet
        uae
        u.a.e.
        surinam
        swaziland
        eswatini
        cape verde
        east timor
        micronesia
        brunei
        gambia
        the gambia
        bahamas
        the bahamas
        philippines
        the philippines
        """

    /// Regions, seas, rivers, mountain ranges and English city names that the generated lists miss.
    static let extraRegionList = """
        middle east
        mideast
        near east
        far east
        gulf
        the gulf
        persian gulf
        arabian gulf
        balkans
        baltics
        baltic
        caribbean
        latin america
        central america
        north america
        south america
        scandinavia
        western europe
        eastern europe
        central europe
        southern europe
        northern europe
        southeast asia
        south-east asia
        south asia
        east asia
        central asia
        north africa
        west africa
        east africa
        southern africa
        central africa
        sub-saharan africa
        horn of africa
        pacific
        asia-pacific
        atlantic
        mediterranean
        siberia
        caucasus
        north caucasus
        kashmir
        kurdistan
        chechnya
        dagestan
        ingushetia
        abkhazia
        south ossetia
        crimea
        donbas
        donbass
        gaza
        gaza strip
        west bank
        golan
        golan heights
        sinai
        ulster
        new england
        midwest
        silicon valley
        wall street
        himalayas
        alps
        andes
        rockies
        urals
        sahara
        nile
        danube
        rhine
        thames
        yangtze
        volga
        euphrates
        tigris
        red sea
        black sea
        caspian
        caspian sea
        north sea
        baltic sea
        aegean
        adriatic
        south china sea
        east china sea
        strait of hormuz
        taiwan strait
        suez canal
        panama canal
        english channel
        indian ocean
        pacific ocean
        atlantic ocean
        arctic
        arctic ocean
        antarctic
        great lakes
        eurasia
        indochina
        anatolia
        patagonia
        bavaria
        saxony
        lower saxony
        westphalia
        hesse
        lombardy
        tuscany
        sicily
        sardinia
        catalonia
        andalusia
        basque country
        brittany
        normandy
        provence
        corsica
        flanders
        wallonia
        tyrol
        quebec
        ontario
        british columbia
        alberta
        manitoba
        saskatchewan
        nova scotia
        new brunswick
        newfoundland
        yukon
        nunavut
        prince edward island
        northwest territories
        greater toronto area
        lower mainland
        metro vancouver
        cologne
        munich
        kiev
        kyiv
        moscow
        warsaw
        prague
        vienna
        rome
        milan
        naples
        turin
        venice
        florence
        genoa
        athens
        lisbon
        copenhagen
        brussels
        antwerp
        the hague
        bucharest
        belgrade
        sofia
        beijing
        peking
        bombay
        calcutta
        madras
        rangoon
        saigon
        leningrad
        st petersburg
        st. petersburg
        gothenburg
        seville
        zurich
        geneva
        basle
        nuremberg
        hanover
        dusseldorf
        mecca
        medina
        jerusalem
        tel aviv
        tehran
        teheran
        baghdad
        cairo
        algiers
        tripoli
        damascus
        beirut
        riyadh
        kuwait city
        havana
        mexico city
        sao paulo
        bogota
        grozny
        sarajevo
        pristina
        kabul
        islamabad
        new delhi
        hanoi
        seoul
        pyongyang
        tokyo
        taipei
        manila
        jakarta
        bangkok
        washington
        washington d.c.
        new york
        new york city
        los angeles
        san francisco
        chicago
        toronto
        montreal
        vancouver
        ottawa
        sydney
        melbourne
        auckland
        wellington
        johannesburg
        pretoria
        lagos
        nairobi
        addis ababa
        khartoum
        """

    /// Well-known organisations, by name and by acronym.
    static let organizationList = """
        un
        u.n.
        united nations
        un security council
        security council
        general assembly
        nato
        eu
        e.u.
        european union
        european commission
        european parliament
        european central bank
        ecb
        imf
        international monetary fund
        world bank
        wto
        world trade organisation
        world trade organization
        gatt
        opec
        oecd
        osce
        asean
        apec
        african union
        arab league
        g7
        g8
        g20
        interpol
        europol
        unicef
        unesco
        unhcr
        world health organisation
        world health organization
        red cross
        red crescent
        international red cross
        amnesty international
        human rights watch
        greenpeace
        iaea
        fifa
        uefa
        ioc
        international olympic committee
        nba
        nfl
        nhl
        mlb
        nasa
        fbi
        cia
        nsa
        kgb
        fsb
        mi5
        mi6
        pentagon
        kremlin
        white house
        congress
        senate
        house of representatives
        house of commons
        house of lords
        bundestag
        bundesrat
        duma
        state duma
        knesset
        federal reserve
        fed
        bundesbank
        bank of england
        bank of japan
        bank of canada
        reserve bank of australia
        treasury
        supreme court
        sec
        securities and exchange commission
        nyse
        new york stock exchange
        nasdaq
        nymex
        comex
        cbot
        chicago board of trade
        london stock exchange
        lse
        reuters
        associated press
        ap
        afp
        agence france-presse
        agence france presse
        interfax
        itar-tass
        tass
        ria novosti
        xinhua
        kyodo
        bloomberg
        cnn
        bbc
        cbc
        ctv
        abc
        cbs
        nbc
        fox news
        msnbc
        pbs
        npr
        al jazeera
        new york times
        washington post
        wall street journal
        financial times
        new york post
        the new york post
        the guardian
        the times
        the economist
        usa today
        los angeles times
        globe and mail
        toronto star
        national post
        huffpost
        huffington post
        the canadian press
        canadian press
        politico
        axios
        truth social
        twitter
        facebook
        instagram
        youtube
        tiktok
        google
        apple
        microsoft
        amazon
        ibm
        intel
        general motors
        gm
        ford
        chrysler
        boeing
        airbus
        exxon
        shell
        royal dutch shell
        bp
        toyota
        honda
        nissan
        sony
        samsung
        volkswagen
        daimler
        daimler-benz
        siemens
        nestle
        unilever
        philips
        fiat
        renault
        gazprom
        rosneft
        lukoil
        aeroflot
        hamas
        hezbollah
        hizbollah
        plo
        fatah
        taliban
        al qaeda
        al-qaeda
        ira
        eta
        farc
        isis
        islamic state
        labour
        tories
        conservatives
        liberals
        democrats
        republicans
        gop
        ndp
        bloc quebecois
        anc
        cdu
        csu
        spd
        fdp
        translink
        """

    /// Nationalities, peoples, religions and their plurals; CoNLL-style MISC.
    static let demonymList = """
        afghan
        albanian
        algerian
        american
        andorran
        angolan
        argentine
        argentinian
        armenian
        australian
        austrian
        azerbaijani
        azeri
        bahraini
        bangladeshi
        belarusian
        belarussian
        byelorussian
        belgian
        beninese
        bolivian
        bosnian
        brazilian
        british
        briton
        bulgarian
        burmese
        burundian
        cambodian
        cameroonian
        canadian
        chadian
        chilean
        chinese
        colombian
        congolese
        croatian
        croat
        cuban
        cypriot
        czech
        danish
        dane
        dutch
        dutchman
        ecuadorean
        ecuadorian
        egyptian
        emirati
        english
        englishman
        eritrean
        estonian
        ethiopian
        european
        fijian
        filipino
        finnish
        finn
        french
        frenchman
        gabonese
        georgian
        german
        ghanaian
        greek
        guatemalan
        guinean
        haitian
        honduran
        hungarian
        icelandic
        indian
        indonesian
        iranian
        iraqi
        irish
        irishman
        israeli
        italian
        ivorian
        jamaican
        japanese
        jordanian
        kazakh
        kenyan
        korean
        kosovar
        kuwaiti
        kyrgyz
        laotian
        latvian
        lebanese
        liberian
        libyan
        lithuanian
        luxembourgish
        macedonian
        malagasy
        malawian
        malaysian
        malian
        maltese
        mauritanian
        mexican
        moldovan
        monegasque
        mongolian
        montenegrin
        moroccan
        mozambican
        namibian
        nepalese
        nepali
        new zealander
        nicaraguan
        nigerian
        nigerien
        norwegian
        omani
        pakistani
        palestinian
        panamanian
        paraguayan
        peruvian
        polish
        pole
        portuguese
        qatari
        romanian
        russian
        rwandan
        salvadoran
        saudi
        scottish
        scot
        senegalese
        serb
        serbian
        sierra leonean
        singaporean
        slovak
        slovakian
        slovene
        slovenian
        somali
        south african
        spanish
        spaniard
        sri lankan
        sudanese
        surinamese
        swazi
        swede
        swedish
        swiss
        syrian
        taiwanese
        tajik
        tanzanian
        thai
        togolese
        trinidadian
        tunisian
        turk
        turkish
        turkmen
        ugandan
        ukrainian
        uruguayan
        uzbek
        venezuelan
        vietnamese
        welsh
        welshman
        yemeni
        yugoslav
        zairean
        zambian
        zimbabwean
        soviet
        arab
        arabic
        african
        asian
        latin
        latino
        hispanic
        caribbean
        scandinavian
        nordic
        balkan
        baltic
        slav
        slavic
        kurd
        kurdish
        chechen
        basque
        catalan
        tamil
        sikh
        sinhalese
        pashtun
        hutu
        tutsi
        zulu
        tatar
        cossack
        inuit
        aboriginal
        indigenous
        first nations
        west indian
        east european
        west european
        north korean
        south korean
        north american
        south american
        latin american
        central american
        east german
        west german
        northern irish
        new yorker
        californian
        texan
        quebecer
        quebecois
        muslim
        moslem
        islamic
        christian
        catholic
        protestant
        anglican
        orthodox
        jew
        jewish
        hindu
        buddhist
        sunni
        shia
        shi'ite
        shiite
        zionist
        communist
        marxist
        bolshevik
        republican
        democrat
        gaullist
        olympic
        paralympic
        afrikaner
        islamist
        maoist
        zionist
        """

    /// Named events, holidays, treaties and other proper names of things that are not places or organisations.
    static let miscNameList = """
        world cup
        olympics
        olympic games
        winter olympics
        summer olympics
        paralympics
        commonwealth games
        asian games
        grand prix
        tour de france
        super bowl
        world series
        stanley cup
        davis cup
        fed cup
        ryder cup
        champions league
        europa league
        uefa cup
        cup winners' cup
        premier league
        wimbledon
        u.s. open
        us open
        australian open
        french open
        british open
        masters
        ramadan
        christmas
        easter
        hanukkah
        passover
        thanksgiving
        diwali
        eid
        new year
        islam
        christianity
        judaism
        hinduism
        buddhism
        internet
        world war one
        world war two
        world war i
        world war ii
        cold war
        gulf war
        holocaust
        brexit
        nobel
        nobel prize
        nobel peace prize
        oscar
        oscars
        grammy
        emmy
        dow
        dow jones
        dow jones industrial average
        s&p 500
        nasdaq composite
        ftse
        ftse 100
        dax
        nikkei
        hang seng
        cac-40
        euro
        """

    /// Census given names that in news prose are nearly always a word, a month or a place.
    static let notFirstNameList = """
        major
        king
        prince
        princess
        royal
        long
        young
        man
        son
        numbers
        manual
        brain
        chance
        august
        june
        april
        may
        january
        summer
        autumn
        winter
        christian
        china
        india
        israel
        jordan
        kenya
        georgia
        virginia
        carolina
        dakota
        paris
        florence
        sydney
        london
        berlin
        asia
        america
        africa
        european
        ireland
        england
        french
        german
        british
        justice
        general
        admiral
        colonel
        judge
        bishop
        pope
        deacon
        noble
        freeman
        golden
        blue
        green
        white
        black
        brown
        gray
        grey
        sterling
        ivory
        liberty
        merit
        rich
        hope
        faith
        joy
        glory
        chase
        marshal
        sheriff
        earl
        baron
        duke
        real
        royal
        union
        sun
        """
}
