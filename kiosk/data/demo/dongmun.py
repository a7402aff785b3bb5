"""Invented demo stores of 동문재래시장 (Dongmun Traditional Market, Jeju City).

About 80% of its customers are tourists, it runs a night market, and foreign
wallets pay through Alipay+ on Zero Pay (docs/architecture.md, domain facts).
Every store, name, phone number (exchange 000), KakaoTalk ID and payment
payload here is invented; the payloads are DEMO data built by
:func:`kiosk.data.demo.payloads.demo_payload` and can never be paid.
"""

from __future__ import annotations

from kiosk.data.demo.payloads import demo_payload
from kiosk.data.demo.types import DemoMarket, DemoProduct, DemoStore, T
from kiosk.domain.categories import Category
from kiosk.domain.payments import PaymentMethod as Pay


def _p(
    ko: str,
    en: str,
    ja: str,
    zh_hans: str,
    zh_hant: str,
    *,
    won: int,
    unit: str,
    sold_out: bool = False,
) -> DemoProduct:
    """One product; *won* is the price in whole won."""
    return DemoProduct(T(ko, en, ja, zh_hans, zh_hant), won, unit, sold_out)


def _qr(merchant_id: str, name: str, mcc: str) -> str:
    """DEMO payload (never payable) for a Jeju stall."""
    return demo_payload(merchant_id=f"DM-{merchant_id}", name=name, mcc=mcc, city="JEJU")


_NIGHT = "18:00-24:00"  # night-market stalls

# fmt: off
# Hand layout: one product per line or two, read like a price list.
STORES: tuple[DemoStore, ...] = (
    DemoStore(
        stall_number="A-1",
        category=Category.TANGERINES,
        name=T(
            ko="귤빛 농원",
            en="Tangerine Glow Orchard",
            ja="ミカン色農園",
            zh_Hans="橘光农园",
            zh_Hant="橘光農園",
        ),
        description=T(
            ko="우리 과수원에서 딴 감귤과 한라봉, 천혜향을 팝니다. "
            "상자째 사시면 전국 어디로든 택배로 보내 드립니다.",
            en="Tangerines, Hallabong and Cheonhyehyang picked in our own orchard. "
            "Buy by the box and we ship it anywhere in Korea.",
            ja="自家農園で収穫したミカン、ハルラボン、チョネヒャンを販売しています。"
            "箱でお買い上げいただければ韓国全国へ宅配でお送りします。",
            zh_Hans="出售自家果园采摘的济州橘子、汉拿峰和天惠香。整箱购买可以快递到韩国各地。",
            zh_Hant="販售自家果園採收的濟州橘子、漢拏峰和天惠香。整箱購買可以宅配到韓國各地。",
        ),
        phone="064-000-0101",
        opening_hours="08:00-21:00",
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI, Pay.KAKAOPAY,
            Pay.NAVERPAY,
        ),
        products=(
            _p("노지 감귤 (소과)", "Open-field tangerines, small", "露地ミカン（小玉）",
               "露地橘子（小果）", "露地橘子（小果）", won=15_000, unit="5kg 박스"),
            _p("노지 감귤 (로얄과)", "Open-field tangerines, royal size",
               "露地ミカン（ロイヤルサイズ）", "露地橘子（精选果）", "露地橘子（精選果）",
               won=30_000, unit="10kg 박스"),
            _p("한라봉", "Hallabong", "ハルラボン", "汉拿峰", "漢拏峰",
               won=30_000, unit="3kg 박스"),
            _p("천혜향", "Cheonhyehyang", "チョネヒャン（天恵香）", "天惠香", "天惠香",
               won=35_000, unit="3kg 박스"),
            _p("레드향", "Redhyang", "レッドヒャン", "红香", "紅香",
               won=38_000, unit="3kg 박스", sold_out=True),
            _p("택배비", "Shipping within Korea", "韓国国内の宅配料", "韩国国内快递费",
               "韓國國內宅配費", won=5_000, unit="박스"),
        ),
        kakao_channel_id="_dmDemoGyul01",
        payment_qr_payload=_qr("A01", "TANGERINE GLOW", "5411"),
    ),
    DemoStore(
        stall_number="A-3",
        category=Category.TANGERINES,
        name=T(
            ko="초록잎 귤밭",
            en="Green Leaf Tangerine Grove",
            ja="緑の葉みかん畑",
            zh_Hans="绿叶橘园",
            zh_Hant="綠葉橘園",
        ),
        description=T(
            ko="하우스 감귤과 황금향, 직접 짠 감귤 주스와 귤 말랭이를 팝니다. "
            "시식해 보고 고르세요.",
            en="Greenhouse tangerines, Hwanggeumhyang, fresh-pressed tangerine juice and dried "
            "tangerine slices. Taste before you choose.",
            ja="ハウスミカン、黄金香（ファングムヒャン）、自家搾りのミカンジュースと干しミカンを"
            "販売しています。試食してからお選びください。",
            zh_Hans="出售温室橘子、黄金香、自家现榨橘子汁和橘子干，欢迎先试吃再挑选。",
            zh_Hant="販售溫室橘子、黃金香、自家現榨橘子汁和橘子乾，歡迎先試吃再挑選。",
        ),
        phone="064-000-0103",
        opening_hours="08:00-21:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI),
        products=(
            _p("하우스 감귤", "Greenhouse tangerines", "ハウスミカン", "温室橘子", "溫室橘子",
               won=20_000, unit="2kg 박스"),
            _p("황금향", "Hwanggeumhyang", "ファングムヒャン（黄金香）", "黄金香", "黃金香",
               won=33_000, unit="3kg 박스"),
            _p("감귤 한 봉지", "Bag of tangerines", "ミカン1袋", "一袋橘子", "一袋橘子",
               won=5_000, unit="봉"),
            _p("감귤 주스", "Tangerine juice", "ミカンジュース", "橘子汁", "橘子汁",
               won=8_000, unit="1L 병"),
            _p("귤 말랭이", "Dried tangerine slices", "干しミカン", "橘子干", "橘子乾",
               won=5_000, unit="봉"),
        ),
    ),
    DemoStore(
        stall_number="A-5",
        category=Category.SEAFOOD,
        name=T(
            ko="은빛 갈치",
            en="Silver Hairtail",
            ja="銀色タチウオ",
            zh_Hans="银光带鱼",
            zh_Hant="銀光白帶魚",
        ),
        description=T(
            ko="제주 바다에서 낚시로 잡은 은갈치를 손질해, "
            "집에 가시는 길까지 차갑게 유지되도록 아이스박스에 포장해 드립니다.",
            en="Line-caught Jeju silver hairtail, cleaned and packed in an insulated box "
            "that keeps it cold for the trip home.",
            ja="済州の海で一本釣りした銀タチウオをさばき、"
            "お帰りまで冷たさを保てるよう保冷箱に詰めてお渡しします。",
            zh_Hans="济州海域钓获的银带鱼，处理干净后装进保冷箱，回家路上也能保持冰凉。",
            zh_Hant="濟州海域釣獲的白帶魚，處理乾淨後裝進保冷箱，回家路上也能保持冰涼。",
        ),
        phone="064-000-0105",
        opening_hours="08:00-21:00",
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI, Pay.KAKAOPAY,
        ),
        products=(
            _p("은갈치 (대)", "Silver hairtail, large", "銀タチウオ（大）", "银带鱼（大）",
               "白帶魚（大）", won=35_000, unit="마리"),
            _p("은갈치 (중)", "Silver hairtail, medium", "銀タチウオ（中）", "银带鱼（中）",
               "白帶魚（中）", won=25_000, unit="마리"),
            _p("자반고등어", "Salted mackerel", "塩サバ", "咸鲭鱼", "鹽漬鯖魚",
               won=10_000, unit="2마리"),
            _p("손질 옥돔", "Cleaned tilefish", "下処理済みアマダイ", "处理好的方头鱼",
               "處理好的馬頭魚", won=28_000, unit="마리"),
            _p("아이스박스 포장", "Ice-box packing", "保冷箱での梱包", "保冷箱包装", "保冷箱包裝",
               won=5_000, unit="박스"),
        ),
        payment_qr_payload=_qr("A05", "SILVER HAIRTAIL", "5422"),
    ),
    DemoStore(
        stall_number="A-7",
        category=Category.SEAFOOD,
        name=T(
            ko="햇살 옥돔",
            en="Sunlit Tilefish",
            ja="陽だまりアマダイ",
            zh_Hans="阳光方头鱼",
            zh_Hant="陽光馬頭魚",
        ),
        description=T(
            ko="제주 옥돔을 소금 간해 햇볕과 바람에 반쯤 말렸습니다. "
            "구우면 살이 부드럽고 달아 선물로 많이 찾으십니다.",
            en="Jeju tilefish lightly salted and half-dried in sun and wind. Grilled, the "
            "flesh is soft and sweet, which makes it a favourite gift.",
            ja="済州産アマダイ（オクトム）を薄塩にして天日と風で半干しにしました。"
            "焼くと身がふっくら甘く、贈り物に人気です。",
            zh_Hans="济州方头鱼（玉鲷）轻轻抹盐后日晒风干成半干。"
            "烤后肉质细嫩鲜甜，是很受欢迎的伴手礼。",
            zh_Hant="濟州馬頭魚（玉鯛）輕輕抹鹽後日曬風乾成半乾。"
            "烤後肉質細嫩鮮甜，是很受歡迎的伴手禮。",
        ),
        phone="064-000-0107",
        opening_hours="08:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI),
        products=(
            _p("반건조 옥돔 (대)", "Half-dried tilefish, large", "半干しアマダイ（大）",
               "半干方头鱼（大）", "半乾馬頭魚（大）", won=30_000, unit="마리"),
            _p("옥돔 선물세트 (3마리)", "Tilefish gift set (3 fish)",
               "アマダイのギフトセット（3尾）", "方头鱼礼盒（3条）", "馬頭魚禮盒（3尾）",
               won=80_000, unit="박스"),
            _p("반건조 한치", "Half-dried spear squid", "半干しケンサキイカ", "半干小鱿鱼",
               "半乾透抽", won=25_000, unit="5마리"),
            _p("고등어 순살", "Boneless mackerel fillets", "骨取りサバの切り身", "去骨鲭鱼片",
               "去骨鯖魚片", won=10_000, unit="팩"),
        ),
        kakao_channel_id="_dmDemoOkdom",
    ),
    DemoStore(
        stall_number="A-8",
        category=Category.SEAFOOD,
        name=T(
            ko="물빛 해산물",
            en="Clear Water Seafood",
            ja="水の光海産",
            zh_Hans="水光海鲜",
            zh_Hant="水光海鮮",
        ),
        description=T(
            ko="전복, 뿔소라, 딱새우처럼 제주 바다에서 나는 해산물을 살아 있는 채로 팝니다. "
            "회나 구이용으로 손질해 드립니다.",
            en="Live Jeju seafood such as abalone, horned turban shells and ttaksae shrimp, "
            "cleaned for sashimi or grilling on request.",
            ja="アワビ、サザエ、タクセウ（済州のエビ）など済州の海の幸を活きたまま販売しています。"
            "刺身用・焼き用に下処理もします。",
            zh_Hans="出售鲍鱼、蝾螺、济州硬壳虾等鲜活济州海产，可按生吃或烧烤处理好。",
            zh_Hant="販售鮑魚、蠑螺、濟州硬殼蝦等鮮活濟州海產，可依生食或燒烤處理好。",
        ),
        phone="064-000-0108",
        opening_hours="08:00-20:00 (매주 수요일 휴무)",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.KAKAOPAY),
        products=(
            _p("활전복", "Live abalone", "活アワビ", "鲜活鲍鱼", "鮮活鮑魚", won=45_000, unit="kg"),
            _p("뿔소라", "Horned turban shells", "サザエ", "蝾螺", "蠑螺", won=15_000, unit="kg"),
            _p("딱새우", "Ttaksae shrimp (Jeju clawed shrimp)", "タクセウ（済州のエビ）",
               "济州硬壳虾", "濟州硬殼蝦", won=20_000, unit="kg"),
            _p("성게알", "Sea urchin roe", "ウニ", "海胆", "海膽",
               won=25_000, unit="100g", sold_out=True),
            _p("전복죽 밀키트", "Abalone porridge kit", "アワビ粥の調理キット", "鲍鱼粥料理包",
               "鮑魚粥料理包", won=12_000, unit="팩"),
        ),
    ),
    DemoStore(
        stall_number="A-12",
        category=Category.TANGERINES,
        name=T(
            ko="노을 감귤",
            en="Sunset Tangerines",
            ja="夕焼けミカン",
            zh_Hans="晚霞橘子",
            zh_Hant="晚霞橘子",
        ),
        description=T(
            ko="선물용 감귤 상자를 전문으로 포장합니다. "
            "받는 분 주소만 적어 주시면 그날 바로 발송합니다.",
            en="Specialists in tangerine gift boxes. Just write down the recipient's address "
            "and we send the box out the same day.",
            ja="贈答用ミカン箱の専門店です。"
            "お届け先の住所を書いていただければ、その日のうちに発送します。",
            zh_Hans="专门包装送礼用的橘子箱。只要写下收件人地址，当天就能寄出。",
            zh_Hant="專門包裝送禮用的橘子箱。只要寫下收件人地址，當天就能寄出。",
        ),
        phone="064-000-0112",
        opening_hours="09:00-20:00",
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI, Pay.NAVERPAY,
            Pay.BANK_TRANSFER,
        ),
        products=(
            _p("노지 감귤 선물 상자", "Tangerine gift box", "ミカンの贈答箱", "橘子礼盒",
               "橘子禮盒", won=18_000, unit="5kg 박스"),
            _p("한라봉 선물 상자", "Hallabong gift box", "ハルラボンの贈答箱", "汉拿峰礼盒",
               "漢拏峰禮盒", won=32_000, unit="3kg 박스"),
            _p("천혜향·레드향 혼합", "Cheonhyehyang and Redhyang mix",
               "チョネヒャンとレッドヒャンの詰め合わせ", "天惠香红香混装", "天惠香紅香混裝",
               won=36_000, unit="3kg 박스"),
            _p("카라향", "Karahyang", "カラヒャン", "卡拉香", "卡拉香",
               won=30_000, unit="3kg 박스", sold_out=True),
        ),
    ),
    DemoStore(
        stall_number="B-2",
        category=Category.MEAT,
        name=T(
            ko="검은돌 흑돼지",
            en="Black Stone Black Pork",
            ja="黒石の黒豚",
            zh_Hans="黑石黑猪",
            zh_Hant="黑石黑豬",
        ),
        description=T(
            ko="제주 흑돼지를 부위별로 썰어 진공 포장해 드립니다. "
            "아이스박스에 담으면 하루 이틀은 거뜬합니다.",
            en="Jeju black pork cut by the piece and vacuum-packed. "
            "In an ice box it keeps well for a day or two.",
            ja="済州の黒豚を部位ごとに切り分けて真空パックします。"
            "保冷箱に入れれば1日か2日は大丈夫です。",
            zh_Hans="济州黑猪按部位切好并真空包装，装进保冷箱可保存一两天。",
            zh_Hant="濟州黑豬依部位切好並真空包裝，裝進保冷箱可保存一兩天。",
        ),
        phone="064-000-0202",
        opening_hours="09:00-21:00",
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI, Pay.KAKAOPAY,
            Pay.NAVERPAY,
        ),
        products=(
            _p("흑돼지 오겹살", "Black pork belly with skin", "黒豚の皮付きバラ肉",
               "黑猪带皮五花肉", "黑豬帶皮五花肉", won=30_000, unit="근"),
            _p("흑돼지 목살", "Black pork neck", "黒豚の肩ロース", "黑猪颈肉", "黑豬梅花肉",
               won=28_000, unit="근"),
            _p("흑돼지 앞다리살", "Black pork shoulder", "黒豚のウデ肉", "黑猪前腿肉", "黑豬前腿肉",
               won=15_000, unit="근"),
            _p("흑돼지 선물세트 (1.2kg)", "Black pork gift set (1.2kg)",
               "黒豚のギフトセット（1.2kg）", "黑猪肉礼盒（1.2公斤）", "黑豬肉禮盒（1.2公斤）",
               won=60_000, unit="박스"),
            _p("흑돼지 소시지", "Black pork sausages", "黒豚ソーセージ", "黑猪香肠", "黑豬香腸",
               won=9_000, unit="팩"),
        ),
        kakao_channel_id="_dmDemoBlackPork",
        payment_qr_payload=_qr("B02", "BLACK STONE PORK", "5422"),
    ),
    DemoStore(
        stall_number="B-4",
        category=Category.RICE_CAKES,
        name=T(
            ko="바람결 오메기떡",
            en="Windswept Omegi Rice Cakes",
            ja="風のオメギ餅",
            zh_Hans="风之奥美基糕",
            zh_Hant="風之奧美基糕",
        ),
        description=T(
            ko="제주 차조와 쑥으로 빚어 팥고물을 입힌 오메기떡을 매일 새로 만듭니다. "
            "냉동 포장하면 여행 가방에 넣어 가기 좋습니다.",
            en="Omegi rice cakes made fresh every day from Jeju millet and mugwort, coated in "
            "red bean. Frozen packs travel well in a suitcase.",
            ja="済州のモチアワとヨモギで作り、小豆をまぶしたオメギ餅を毎日作っています。"
            "冷凍パックならスーツケースに入れて持ち帰れます。",
            zh_Hans="每天用济州糯小米和艾草现做的奥美基糕，外裹红豆粉。"
            "冷冻包装方便放进行李箱带走。",
            zh_Hant="每天用濟州糯小米和艾草現做的奧美基糕，外裹紅豆粉。"
            "冷凍包裝方便放進行李箱帶走。",
        ),
        phone="064-000-0204",
        opening_hours="08:00-20:00",
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI, Pay.KAKAOPAY,
        ),
        products=(
            _p("오메기떡", "Omegi rice cakes", "オメギ餅", "奥美基糕", "奧美基糕",
               won=12_000, unit="10개"),
            _p("견과 오메기떡", "Omegi rice cakes with nuts", "ナッツのオメギ餅", "坚果奥美基糕",
               "堅果奧美基糕", won=14_000, unit="10개"),
            _p("냉동 오메기떡 선물세트", "Frozen omegi gift box", "冷凍オメギ餅のギフトセット",
               "冷冻奥美基糕礼盒", "冷凍奧美基糕禮盒", won=25_000, unit="20개"),
            _p("빙떡", "Bingtteok (buckwheat crepe roll)", "ピントック（そば粉のクレープ巻き）",
               "荞麦煎饼卷", "蕎麥煎餅捲", won=2_000, unit="개"),
            _p("쑥떡", "Mugwort rice cake", "よもぎ餅", "艾草年糕", "艾草年糕",
               won=5_000, unit="팩"),
        ),
        kakao_channel_id="_dmDemoOmegi",
        payment_qr_payload=_qr("B04", "WINDSWEPT OMEGI", "5462"),
    ),
    DemoStore(
        stall_number="B-5",
        category=Category.SIDE_DISHES,
        name=T(
            ko="섬 반찬",
            en="Island Side Dishes",
            ja="島のおかず",
            zh_Hans="海岛小菜",
            zh_Hant="海島小菜",
        ),
        description=T(
            ko="자리젓, 멜젓 같은 제주 젓갈과 톳무침, 김치를 파는 반찬 가게입니다. "
            "제주 사람들이 밥상에 올리는 맛 그대로입니다.",
            en="Jeju-style salted fish such as damselfish and anchovy jeotgal, hijiki salad "
            "and kimchi: what Jeju families put on their own tables.",
            ja="スズメダイやカタクチイワシの塩辛など済州式の塩辛、ヒジキの和え物、"
            "キムチを扱うおかず店です。済州の家庭の食卓そのままの味です。",
            zh_Hans="卖雀鲷鱼酱、鳀鱼酱等济州鱼酱，以及凉拌羊栖菜和泡菜的小菜店，"
            "是济州人家餐桌上的原味。",
            zh_Hant="賣雀鯛魚醬、鯷魚醬等濟州魚醬，以及涼拌羊栖菜和泡菜的小菜店，"
            "是濟州人家餐桌上的原味。",
        ),
        phone="064-000-0205",
        opening_hours="08:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI),
        products=(
            _p("자리젓", "Salted damselfish", "スズメダイの塩辛", "雀鲷鱼酱", "雀鯛魚醬",
               won=10_000, unit="500g"),
            _p("멜젓", "Salted Jeju anchovies", "カタクチイワシの塩辛", "鳀鱼酱", "鯷魚醬",
               won=10_000, unit="500g"),
            _p("톳무침", "Seasoned hijiki", "ヒジキの和え物", "凉拌羊栖菜", "涼拌羊栖菜",
               won=5_000, unit="팩"),
            _p("배추김치", "Napa cabbage kimchi", "白菜キムチ", "辣白菜", "韓式泡菜",
               won=12_000, unit="kg"),
            _p("갈치속젓", "Salted hairtail innards", "タチウオの内臓の塩辛", "带鱼内脏酱",
               "白帶魚內臟醬", won=12_000, unit="500g"),
        ),
    ),
    DemoStore(
        stall_number="B-7",
        category=Category.DRIED_GOODS,
        name=T(
            ko="섬바람 건어물",
            en="Island Breeze Dried Goods",
            ja="島風乾物店",
            zh_Hans="岛风干货",
            zh_Hant="島風乾貨",
        ),
        description=T(
            ko="반건조 한치와 쥐포, 제주 미역과 톳, 고사리까지 "
            "가볍게 들고 가기 좋은 건어물을 팝니다.",
            en="Dried goods that are light to carry home: spear squid, filefish jerky, "
            "Jeju sea mustard, hijiki and bracken.",
            ja="ケンサキイカ、カワハギの干物、済州産のワカメやヒジキ、ワラビなど、"
            "持ち帰りやすい乾物を販売しています。",
            zh_Hans="出售方便携带的干货：小鱿鱼干、马面鱼片、济州裙带菜、羊栖菜和蕨菜。",
            zh_Hant="販售方便攜帶的乾貨：透抽乾、馬面魚片、濟州海帶芽、羊栖菜和蕨菜。",
        ),
        phone="064-000-0207",
        opening_hours="08:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI),
        products=(
            _p("마른 한치", "Dried spear squid", "干しケンサキイカ", "小鱿鱼干", "透抽乾",
               won=30_000, unit="5마리"),
            _p("쥐포", "Filefish jerky", "カワハギの干物", "马面鱼片", "馬面魚片",
               won=10_000, unit="봉"),
            _p("제주 미역", "Jeju sea mustard", "済州産ワカメ", "济州裙带菜", "濟州海帶芽",
               won=10_000, unit="봉"),
            _p("말린 톳", "Dried hijiki", "乾燥ヒジキ", "羊栖菜干", "羊栖菜乾",
               won=8_000, unit="봉"),
            _p("제주 고사리", "Jeju dried bracken", "済州産干しワラビ", "济州蕨菜干", "濟州蕨菜乾",
               won=10_000, unit="100g", sold_out=True),
            _p("국물용 멸치", "Anchovies for stock", "だし用煮干し", "汤用鳀鱼干", "湯用鯷魚乾",
               won=12_000, unit="500g"),
        ),
    ),
    DemoStore(
        stall_number="B-8",
        category=Category.PRODUCE,
        name=T(
            ko="화산토 채소",
            en="Volcanic Soil Vegetables",
            ja="火山土の野菜",
            zh_Hans="火山土蔬菜",
            zh_Hant="火山土蔬菜",
        ),
        description=T(
            ko="화산 흙에서 자란 제주 당근과 월동무, 브로콜리를 농가에서 바로 가져옵니다.",
            en="Jeju carrots, winter radish and broccoli grown in volcanic soil, "
            "straight from the farms.",
            ja="火山の土で育った済州のニンジン、越冬大根、ブロッコリーを"
            "農家から直接仕入れています。",
            zh_Hans="火山土里长大的济州胡萝卜、越冬萝卜和西兰花，直接从农户进货。",
            zh_Hant="火山土裡長大的濟州胡蘿蔔、越冬蘿蔔和青花菜，直接從農家進貨。",
        ),
        phone="064-000-0208",
        opening_hours="07:00-19:00",
        payment_methods=(Pay.CASH, Pay.ZEROPAY, Pay.ONNURI, Pay.BANK_TRANSFER),
        products=(
            _p("제주 당근", "Jeju carrots", "済州ニンジン", "济州胡萝卜", "濟州胡蘿蔔",
               won=8_000, unit="3kg 봉"),
            _p("월동무", "Winter radish", "越冬大根", "越冬萝卜", "越冬蘿蔔", won=2_000, unit="개"),
            _p("브로콜리", "Broccoli", "ブロッコリー", "西兰花", "青花菜", won=2_500, unit="개"),
            _p("양배추", "Cabbage", "キャベツ", "卷心菜", "高麗菜", won=3_000, unit="개"),
            _p("마늘", "Garlic", "ニンニク", "大蒜", "大蒜", won=12_000, unit="kg"),
        ),
    ),
    DemoStore(
        stall_number="B-10",
        category=Category.SOUVENIRS,
        name=T(
            ko="돌빛 기념품",
            en="Stone Light Souvenirs",
            ja="石の光おみやげ",
            zh_Hans="石光纪念品",
            zh_Hant="石光紀念品",
        ),
        description=T(
            ko="감귤 초콜릿과 돌하르방 조각, 귤 모자처럼 "
            "제주 여행을 기억할 만한 선물을 모았습니다.",
            en="Gifts to remember Jeju by: tangerine chocolates, dol hareubang stone figures "
            "and tangerine hats.",
            ja="ミカンチョコレート、トルハルバンの置物、ミカン帽子など、"
            "済州旅行の思い出になるお土産をそろえました。",
            zh_Hans="汇集了橘子巧克力、石头爷爷摆件和橘子帽等，让您记住济州之旅的伴手礼。",
            zh_Hant="匯集了橘子巧克力、石頭爺爺擺飾和橘子帽等，讓您記住濟州之旅的伴手禮。",
        ),
        phone="064-000-0210",
        opening_hours="09:00-22:00",
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.KAKAOPAY, Pay.NAVERPAY,
        ),
        products=(
            _p("감귤 초콜릿 (24개입)", "Tangerine chocolates (24)",
               "ミカンチョコレート（24個入り）", "橘子巧克力（24颗）", "橘子巧克力（24顆）",
               won=6_000, unit="박스"),
            _p("미니 돌하르방", "Mini dol hareubang figure", "ミニトルハルバン", "迷你石头爷爷摆件",
               "迷你石頭爺爺擺飾", won=5_000, unit="개"),
            _p("현무암 돌하르방", "Basalt dol hareubang", "玄武岩のトルハルバン", "玄武岩石头爷爷",
               "玄武岩石頭爺爺", won=25_000, unit="개"),
            _p("귤 모자", "Tangerine hat", "ミカン帽子", "橘子帽", "橘子帽", won=12_000, unit="개"),
            _p("열쇠고리", "Key ring", "キーホルダー", "钥匙扣", "鑰匙圈", won=3_000, unit="개"),
            _p("감귤 핸드크림", "Tangerine hand cream", "ミカンのハンドクリーム", "橘子护手霜",
               "橘子護手霜", won=8_000, unit="개"),
        ),
        payment_qr_payload=_qr("B10", "STONE LIGHT GIFTS", "5947"),
    ),
    DemoStore(
        stall_number="B-11",
        category=Category.SOUVENIRS,
        name=T(
            ko="녹차밭 찻집",
            en="Tea Field Tea Shop",
            ja="茶畑のお茶屋",
            zh_Hans="茶园茶铺",
            zh_Hant="茶園茶鋪",
        ),
        description=T(
            ko="제주 녹차와 감귤 껍질차, 한라봉 청을 파는 차 가게입니다. "
            "따뜻한 차 한 잔을 맛보고 고르실 수 있습니다.",
            en="A tea shop selling Jeju green tea, tangerine-peel tea and Hallabong syrup. "
            "Try a warm cup before you choose.",
            ja="済州の緑茶、ミカンの皮茶、ハルラボンのシロップ漬けを扱うお茶の店です。"
            "温かいお茶を試飲してからお選びいただけます。",
            zh_Hans="出售济州绿茶、橘皮茶和汉拿峰果酱茶的茶铺，可以先喝一杯热茶再挑选。",
            zh_Hant="販售濟州綠茶、橘皮茶和漢拏峰果醬茶的茶鋪，可以先喝一杯熱茶再挑選。",
        ),
        phone="064-000-0211",
        opening_hours="09:00-21:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.NAVERPAY),
        products=(
            _p("제주 녹차 티백 (50개입)", "Jeju green tea bags (50)",
               "済州緑茶ティーバッグ（50個入り）", "济州绿茶茶包（50包）", "濟州綠茶茶包（50包）",
               won=12_000, unit="박스"),
            _p("감귤 껍질차", "Tangerine peel tea", "ミカンの皮茶", "橘皮茶", "橘皮茶",
               won=10_000, unit="봉"),
            _p("한라봉 청", "Hallabong syrup", "ハルラボンのシロップ漬け", "汉拿峰果酱茶",
               "漢拏峰果醬茶", won=18_000, unit="병"),
            _p("말차 가루", "Matcha powder", "抹茶パウダー", "抹茶粉", "抹茶粉",
               won=15_000, unit="봉"),
            _p("녹차 초콜릿", "Green tea chocolates", "緑茶チョコレート", "绿茶巧克力",
               "綠茶巧克力", won=6_000, unit="박스"),
        ),
        kakao_channel_id="_dmDemoTea11",
    ),
    DemoStore(
        stall_number="B-12",
        category=Category.CLOTHING,
        name=T(
            ko="감물 갈옷",
            en="Persimmon Dye Galot",
            ja="柿渋染めのカロッ",
            zh_Hans="柿染衣坊",
            zh_Hant="柿染衣坊",
        ),
        description=T(
            ko="풋감 즙으로 물들여 햇볕에 말린 제주 전통 갈옷을 팝니다. "
            "바람이 잘 통하고 땀이 배지 않아 여름에 시원합니다.",
            en="Galot, Jeju's traditional clothing dyed with green persimmon juice and "
            "sun-dried. Airy and quick to shed sweat, it stays cool in summer.",
            ja="青柿の汁で染めて天日で干した済州の伝統衣装カロッ（柿渋染め）を販売しています。"
            "風通しがよく汗がしみにくいので、夏も涼しく着られます。",
            zh_Hans="出售用青柿汁染色、再经日晒的济州传统柿染衣。透气不粘汗，夏天穿着凉爽。",
            zh_Hant="販售用青柿汁染色、再經日曬的濟州傳統柿染衣。透氣不黏汗，夏天穿著涼爽。",
        ),
        phone="064-000-0212",
        opening_hours="09:00-20:00",
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.KAKAOPAY, Pay.NAVERPAY,
        ),
        products=(
            _p("갈옷 셔츠", "Galot shirt", "柿渋染めシャツ", "柿染衬衫", "柿染襯衫",
               won=45_000, unit="벌"),
            _p("갈옷 바지", "Galot trousers", "柿渋染めパンツ", "柿染裤", "柿染褲",
               won=40_000, unit="벌"),
            _p("갈옷 원피스", "Galot dress", "柿渋染めワンピース", "柿染连衣裙", "柿染洋裝",
               won=65_000, unit="벌"),
            _p("감물 스카프", "Persimmon-dyed scarf", "柿渋染めスカーフ", "柿染围巾", "柿染圍巾",
               won=15_000, unit="장"),
            _p("갈옷 모자", "Galot hat", "柿渋染めの帽子", "柿染帽子", "柿染帽子",
               won=20_000, unit="개"),
        ),
        kakao_channel_id="_dmDemoGalot",
        payment_qr_payload=_qr("B12", "PERSIMMON DYE GALOT", "5651"),
    ),
    DemoStore(
        stall_number="C-1",
        category=Category.RESTAURANT,
        name=T(
            ko="돌담 국숫집",
            en="Stone Wall Noodle House",
            ja="石垣の麺屋",
            zh_Hans="石墙面馆",
            zh_Hant="石牆麵館",
        ),
        description=T(
            ko="돼지 뼈 국물에 두툼한 면과 수육을 올린 제주 고기국수와 몸국을 끓입니다. "
            "아침 일찍 문을 엽니다.",
            en="Jeju pork noodle soup (thick noodles and sliced pork in pork-bone broth) and "
            "momguk seaweed soup. Opens early in the morning.",
            ja="豚骨スープに太麺とゆで豚をのせた済州名物コギグクスと"
            "モムクク（海藻スープ）の店です。"
            "朝早くから営業しています。",
            zh_Hans="猪骨汤里放粗面条和白切肉的济州猪肉面，还有海藻汤。清早就开门。",
            zh_Hant="豬骨湯裡放粗麵條和白切肉的濟州豬肉麵，還有海藻湯。清早就開門。",
        ),
        phone="064-000-0301",
        opening_hours="07:00-20:00 (매주 화요일 휴무)",
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI, Pay.KAKAOPAY,
        ),
        products=(
            _p("고기국수", "Jeju pork noodle soup", "コギグクス（豚肉麺）", "济州猪肉面",
               "濟州豬肉麵", won=10_000, unit="인분"),
            _p("비빔국수", "Spicy mixed noodles", "ピビングクス（混ぜ麺）", "韩式拌面", "韓式拌麵",
               won=9_000, unit="인분"),
            _p("몸국", "Momguk (seaweed and pork soup)", "モムクク（海藻と豚のスープ）",
               "海藻猪骨汤", "海藻豬骨湯", won=10_000, unit="인분"),
            _p("돔베고기", "Dombae pork (sliced on a board)", "トムベコギ（まな板盛りのゆで豚）",
               "砧板白切猪肉", "砧板白切豬肉", won=25_000, unit="2인분"),
            _p("공깃밥", "Bowl of rice", "ご飯", "米饭", "白飯", won=1_000, unit="개"),
        ),
        kakao_channel_id="_dmDemoNoodle",
        payment_qr_payload=_qr("C01", "STONE WALL NOODLES", "5812"),
    ),
    DemoStore(
        stall_number="C-3",
        category=Category.BAKERY,
        name=T(
            ko="보리밭 빵집",
            en="Barley Field Bakery",
            ja="麦畑のパン屋",
            zh_Hans="麦田面包店",
            zh_Hant="麥田麵包店",
        ),
        description=T(
            ko="제주 보리로 구운 보리빵과 감귤 파이, 땅콩 쿠키를 파는 작은 빵집입니다.",
            en="A small bakery with buns baked from Jeju barley, tangerine pies and "
            "peanut cookies.",
            ja="済州産の麦で焼いた麦パン、ミカンパイ、ピーナッツクッキーの小さなパン屋です。",
            zh_Hans="用济州大麦烤制大麦面包，也卖橘子派和花生饼干的小面包店。",
            zh_Hant="用濟州大麥烤製大麥麵包，也賣橘子派和花生餅乾的小麵包店。",
        ),
        phone="064-000-0303",
        opening_hours="08:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI),
        products=(
            _p("보리빵", "Barley buns", "麦パン", "大麦面包", "大麥麵包", won=10_000, unit="10개"),
            _p("쑥 보리빵", "Mugwort barley buns", "よもぎ麦パン", "艾草大麦面包", "艾草大麥麵包",
               won=12_000, unit="10개"),
            _p("감귤 파이 (6개입)", "Tangerine pies (6)", "ミカンパイ（6個入り）",
               "橘子派（6个装）", "橘子派（6入）", won=9_000, unit="박스"),
            _p("땅콩 쿠키", "Peanut cookies", "ピーナッツクッキー", "花生饼干", "花生餅乾",
               won=8_000, unit="봉"),
            _p("한라봉 마들렌", "Hallabong madeleine", "ハルラボンのマドレーヌ", "汉拿峰玛德琳",
               "漢拏峰瑪德蓮", won=2_500, unit="개"),
        ),
    ),
    DemoStore(
        stall_number="C-5",
        category=Category.HOUSEWARES,
        name=T(
            ko="바람개비 생활용품",
            en="Pinwheel Housewares",
            ja="かざぐるま生活用品",
            zh_Hans="风车生活用品",
            zh_Hant="風車生活用品",
        ),
        description=T(
            ko="아이스박스와 보냉팩, 택배 상자처럼 시장에서 산 물건을 가져가는 데 필요한 것과 "
            "부엌살림을 팝니다.",
            en="What you need to get your market shopping home, such as ice boxes, cold packs "
            "and shipping boxes, plus kitchen goods.",
            ja="保冷箱、保冷剤、宅配用の段ボールなど、市場で買った品を持ち帰るのに必要なものと"
            "台所用品を販売しています。",
            zh_Hans="出售保冷箱、冰袋、快递纸箱等把市场里买的东西带回家所需的用品，以及厨房用品。",
            zh_Hant="販售保冷箱、保冷劑、宅配紙箱等把市場裡買的東西帶回家所需的用品，"
            "以及廚房用品。",
        ),
        phone="064-000-0305",
        opening_hours="08:00-21:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI),
        products=(
            _p("아이스박스", "Ice box", "発泡スチロールの保冷箱", "泡沫保冷箱", "保麗龍保冷箱",
               won=3_000, unit="개"),
            _p("보냉팩", "Cold pack", "保冷剤", "冰袋", "保冷劑", won=1_000, unit="개"),
            _p("택배 상자", "Shipping box", "宅配用の段ボール", "快递纸箱", "宅配紙箱",
               won=2_000, unit="개"),
            _p("대바구니", "Bamboo basket", "竹かご", "竹篮", "竹籃", won=12_000, unit="개"),
            _p("고무장갑", "Rubber gloves", "ゴム手袋", "橡胶手套", "橡膠手套",
               won=2_000, unit="켤레"),
        ),
    ),
    DemoStore(
        stall_number="C-7",
        category=Category.FRUIT,
        name=T(
            ko="햇빛 과일",
            en="Sunshine Fruit",
            ja="陽ざしの果物",
            zh_Hans="阳光果铺",
            zh_Hant="陽光果鋪",
        ),
        description=T(
            ko="제주 하우스에서 키운 애플망고와 골드키위, 딸기를 팝니다. "
            "잘 익은 것으로 골라 드립니다.",
            en="Apple mangoes, golden kiwifruit and strawberries from Jeju greenhouses. "
            "We pick out ripe ones for you.",
            ja="済州のハウスで育ったアップルマンゴー、ゴールドキウイ、イチゴを販売しています。"
            "よく熟したものを選んでお渡しします。",
            zh_Hans="出售济州温室种植的苹果芒、黄金奇异果和草莓，帮您挑熟透的。",
            zh_Hant="販售濟州溫室種植的愛文芒果、黃金奇異果和草莓，幫您挑熟透的。",
        ),
        phone="064-000-0307",
        opening_hours="09:00-21:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI),
        products=(
            _p("제주 애플망고", "Jeju apple mangoes", "済州アップルマンゴー", "济州苹果芒",
               "濟州愛文芒果", won=45_000, unit="2개"),
            _p("골드키위", "Golden kiwifruit", "ゴールドキウイ", "黄金奇异果", "黃金奇異果",
               won=10_000, unit="kg"),
            _p("딸기", "Strawberries", "イチゴ", "草莓", "草莓", won=12_000, unit="팩"),
            _p("제주 바나나", "Jeju bananas", "済州バナナ", "济州香蕉", "濟州香蕉",
               won=8_000, unit="송이", sold_out=True),
        ),
    ),
    DemoStore(
        stall_number="C-9",
        category=Category.OTHER,
        name=T(
            ko="오름 잡곡",
            en="Oreum Grains",
            ja="オルム雑穀",
            zh_Hans="山丘杂粮",
            zh_Hant="山丘雜糧",
        ),
        description=T(
            ko="제주 보리, 메밀, 차조 같은 잡곡을 팝니다. 당분간 문을 닫습니다.",
            en="Jeju grains such as barley, buckwheat and glutinous millet. "
            "Closed for the time being.",
            ja="済州産の麦、そば、モチアワなどの雑穀を販売しています。しばらくの間お休みします。",
            zh_Hans="出售济州大麦、荞麦、糯小米等杂粮。暂时停业。",
            zh_Hant="販售濟州大麥、蕎麥、糯小米等雜糧。暫時停業。",
        ),
        phone="064-000-0309",
        opening_hours="09:00-18:00",
        payment_methods=(Pay.CASH, Pay.ONNURI),
        products=(
            _p("제주 보리", "Jeju barley", "済州産大麦", "济州大麦", "濟州大麥",
               won=6_000, unit="kg"),
            _p("메밀가루", "Buckwheat flour", "そば粉", "荞麦粉", "蕎麥粉", won=9_000, unit="kg"),
            _p("차조", "Glutinous millet", "モチアワ", "糯小米", "糯小米", won=10_000, unit="kg"),
            _p("검정콩", "Black soybeans", "黒豆", "黑豆", "黑豆", won=12_000, unit="kg"),
        ),
        active=False,
    ),
    DemoStore(
        stall_number="N-1",
        category=Category.STREET_FOOD,
        name=T(
            ko="불맛 흑돼지꼬치",
            en="Fire-Grilled Black Pork Skewers",
            ja="炭火の黒豚串",
            zh_Hans="炭火黑猪肉串",
            zh_Hant="炭火黑豬肉串",
        ),
        description=T(
            ko="야시장에서 숯불에 구워 내는 흑돼지 꼬치입니다. 치즈와 매운 양념 중에 골라 드세요.",
            en="Black pork skewers grilled over charcoal at the night market. "
            "Choose cheese or spicy sauce.",
            ja="夜市で炭火焼きする黒豚の串焼きです。チーズか辛いタレかお選びください。",
            zh_Hans="夜市里炭火现烤的黑猪肉串，可选芝士或香辣口味。",
            zh_Hant="夜市裡炭火現烤的黑豬肉串，可選起司或香辣口味。",
        ),
        phone="064-000-0401",
        opening_hours=_NIGHT,
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.KAKAOPAY),
        products=(
            _p("흑돼지 꼬치", "Black pork skewer", "黒豚の串焼き", "黑猪肉串", "黑豬肉串",
               won=7_000, unit="개"),
            _p("치즈 흑돼지 꼬치", "Black pork skewer with cheese", "チーズ黒豚串", "芝士黑猪肉串",
               "起司黑豬肉串", won=8_000, unit="개"),
            _p("매운 흑돼지 꼬치", "Spicy black pork skewer", "辛口黒豚串", "香辣黑猪肉串",
               "香辣黑豬肉串", won=8_000, unit="개"),
            _p("흑돼지 파말이", "Black pork and green onion rolls", "黒豚のネギ巻き", "黑猪肉卷葱",
               "黑豬肉捲蔥", won=10_000, unit="인분"),
        ),
        kakao_channel_id="_dmDemoNight01",
        payment_qr_payload=_qr("N01", "FIRE PORK SKEWERS", "5814"),
    ),
    DemoStore(
        stall_number="N-2",
        category=Category.STREET_FOOD,
        name=T(
            ko="파도불 구이",
            en="Wave Fire Grill",
            ja="波火焼き",
            zh_Hans="浪火烧烤",
            zh_Hant="浪火燒烤",
        ),
        description=T(
            ko="전복, 가리비, 랍스터에 버터와 치즈를 올려 철판에 구워 드립니다. "
            "야시장의 인기 메뉴입니다.",
            en="Abalone, scallops and lobster grilled on the hotplate with butter and cheese: "
            "a night-market favourite.",
            ja="アワビ、ホタテ、ロブスターにバターとチーズをのせて鉄板で焼きます。"
            "夜市の人気メニューです。",
            zh_Hans="鲍鱼、扇贝、龙虾放上黄油和芝士在铁板上烤，是夜市的人气美食。",
            zh_Hant="鮑魚、扇貝、龍蝦放上奶油和起司在鐵板上烤，是夜市的人氣美食。",
        ),
        phone="064-000-0402",
        opening_hours=_NIGHT,
        payment_methods=(
            Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.KAKAOPAY, Pay.NAVERPAY,
        ),
        products=(
            _p("버터 전복구이", "Butter-grilled abalone", "アワビのバター焼き", "黄油烤鲍鱼",
               "奶油烤鮑魚", won=10_000, unit="2개"),
            _p("치즈 가리비구이", "Scallops grilled with cheese", "ホタテのチーズ焼き",
               "芝士烤扇贝", "起司烤扇貝", won=10_000, unit="3개"),
            _p("랍스터 치즈구이", "Lobster grilled with cheese", "ロブスターのチーズ焼き",
               "芝士焗龙虾", "起司焗龍蝦", won=25_000, unit="마리"),
            _p("새우 꼬치", "Grilled shrimp skewer", "エビの串焼き", "烤虾串", "烤蝦串",
               won=6_000, unit="개"),
        ),
    ),
    DemoStore(
        stall_number="N-3",
        category=Category.STREET_FOOD,
        name=T(
            ko="새콤 감귤 주스",
            en="Tangy Tangerine Juice",
            ja="甘酸っぱいミカンジュース",
            zh_Hans="酸甜橘子汁",
            zh_Hant="酸甜橘子汁",
        ),
        description=T(
            ko="주문하면 바로 짜 주는 감귤과 한라봉 생과일 주스, 귤 탕후루를 팝니다.",
            en="Tangerine and Hallabong juice squeezed to order, and candied tangerine "
            "tanghulu on a stick.",
            ja="注文を受けてから搾るミカンとハルラボンの生ジュース、ミカンのタンフルを"
            "販売しています。",
            zh_Hans="现点现榨的橘子和汉拿峰鲜榨果汁，还有橘子糖葫芦。",
            zh_Hant="現點現榨的橘子和漢拏峰鮮榨果汁，還有橘子糖葫蘆。",
        ),
        phone="064-000-0403",
        opening_hours="10:00-24:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.KAKAOPAY),
        products=(
            _p("감귤 생과일 주스", "Fresh tangerine juice", "生搾りミカンジュース", "鲜榨橘子汁",
               "鮮榨橘子汁", won=5_000, unit="잔"),
            _p("한라봉 주스", "Hallabong juice", "ハルラボンジュース", "汉拿峰果汁", "漢拏峰果汁",
               won=6_000, unit="잔"),
            _p("귤 탕후루", "Tangerine tanghulu", "ミカンのタンフル", "橘子糖葫芦", "橘子糖葫蘆",
               won=4_000, unit="개"),
            _p("감귤 아이스크림", "Tangerine ice cream", "ミカンアイス", "橘子冰淇淋", "橘子冰淇淋",
               won=4_000, unit="개"),
        ),
        kakao_channel_id="_dmDemoJuice03",
    ),
    DemoStore(
        stall_number="N-4",
        category=Category.STREET_FOOD,
        name=T(
            ko="모닥불 분식",
            en="Campfire Snacks",
            ja="たき火の軽食屋",
            zh_Hans="篝火小吃",
            zh_Hant="篝火小吃",
        ),
        description=T(
            ko="떡볶이에 김밥, 튀김을 한 접시에 담는 제주식 모닥치기와 갓 튀긴 어묵을 팝니다.",
            en="Jeju-style modakchigi (tteokbokki, gimbap and fritters piled on one plate), "
            "plus freshly fried fish cakes.",
            ja="トッポッキ、キンパ、天ぷらを一皿に盛る済州式のモダクチギと、"
            "揚げたてのオムクを販売しています。",
            zh_Hans="把炒年糕、紫菜包饭和炸物装在一盘里的济州式什锦拼盘，还有现炸鱼饼。",
            zh_Hant="把炒年糕、紫菜飯捲和炸物裝在一盤裡的濟州式什錦拼盤，還有現炸魚板。",
        ),
        phone="064-000-0404",
        opening_hours="17:00-24:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ALIPAY_PLUS, Pay.ONNURI),
        products=(
            _p("모닥치기", "Modakchigi (Jeju snack platter)", "モダクチギ（済州式の盛り合わせ）",
               "济州什锦拼盘", "濟州什錦拼盤", won=12_000, unit="인분"),
            _p("떡볶이", "Tteokbokki", "トッポッキ", "炒年糕", "炒年糕", won=4_000, unit="인분"),
            _p("어묵 튀김", "Fried fish cake", "揚げオムク", "炸鱼饼", "炸魚板",
               won=2_000, unit="개"),
            _p("김밥", "Gimbap", "キンパ", "紫菜包饭", "紫菜飯捲", won=3_500, unit="줄"),
        ),
    ),
    DemoStore(
        stall_number="N-5",
        category=Category.STREET_FOOD,
        name=T(
            ko="김모락 만두",
            en="Steamy Dumplings",
            ja="湯気もくもくマンドゥ",
            zh_Hans="热气腾腾饺子铺",
            zh_Hant="熱氣騰騰餃子舖",
        ),
        description=T(
            ko="흑돼지로 소를 채운 만두와 찐빵을 쪄서 팝니다. "
            "이번 시즌에는 야시장에 나오지 않습니다.",
            en="Steamed dumplings filled with black pork, and steamed buns. "
            "Not at the night market this season.",
            ja="黒豚を詰めたマンドゥ（餃子）と蒸しパンを販売しています。"
            "今シーズンは夜市に出店していません。",
            zh_Hans="出售黑猪肉馅的蒸饺和包子。本季暂不在夜市出摊。",
            zh_Hant="販售黑豬肉餡的蒸餃和包子。本季暫不在夜市擺攤。",
        ),
        phone="064-000-0405",
        opening_hours=_NIGHT,
        payment_methods=(Pay.CASH, Pay.ZEROPAY, Pay.ALIPAY_PLUS),
        products=(
            _p("흑돼지 만두", "Black pork dumplings", "黒豚マンドゥ", "黑猪肉蒸饺", "黑豬肉蒸餃",
               won=6_000, unit="8개"),
            _p("김치 만두", "Kimchi dumplings", "キムチマンドゥ", "泡菜蒸饺", "泡菜蒸餃",
               won=5_000, unit="8개"),
            _p("팥 찐빵", "Red-bean steamed bun", "あんまん", "豆沙包", "豆沙包",
               won=2_000, unit="개"),
            _p("감귤 찐빵", "Tangerine steamed bun", "ミカン蒸しパン", "橘子馒头", "橘子饅頭",
               won=2_000, unit="개"),
        ),
        active=False,
    ),
)
# fmt: on

MARKET = DemoMarket(
    slug="dongmun",
    name=T(
        ko="동문재래시장",
        en="Dongmun Traditional Market",
        ja="東門在来市場",
        zh_Hans="东门传统市场",
        zh_Hant="東門傳統市場",
    ),
    city=T(
        ko="제주시",
        en="Jeju City",
        ja="済州市",
        zh_Hans="济州市",
        zh_Hant="濟州市",
    ),
    stores=STORES,
)
