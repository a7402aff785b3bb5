"""Invented demo stores of 반송큰시장 (Bansong Big Market, Haeundae-gu, Busan).

A neighbourhood market used mostly by locals and a Kakao "project Dangol"
site. Every store, name, phone number (exchange 000), KakaoTalk ID and payment
payload here is invented (docs/architecture.md, product principles); the
payloads are DEMO data built by :func:`kiosk.data.demo.payloads.demo_payload`
and can never be paid.
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
    """DEMO payload (never payable) for a Busan stall."""
    return demo_payload(merchant_id=f"BS-{merchant_id}", name=name, mcc=mcc, city="BUSAN")


# fmt: off
# Hand layout: one product per line or two, read like a price list.
STORES: tuple[DemoStore, ...] = (
    DemoStore(
        stall_number="A-1",
        category=Category.SEAFOOD,
        name=T(
            ko="바다향 수산",
            en="Sea Scent Fish Shop",
            ja="海の香り水産",
            zh_Hans="海香水产",
            zh_Hant="海香水產",
        ),
        description=T(
            ko="새벽마다 들여온 고등어, 갈치, 오징어를 손님 앞에서 바로 손질해 드립니다. "
            "구이용, 조림용으로 알맞게 잘라 드려요.",
            en="Mackerel, hairtail and squid come in every morning and are cleaned in front "
            "of you. Ask and we cut them for grilling or braising.",
            ja="毎朝仕入れるサバ、タチウオ、イカをその場でさばきます。"
            "焼き魚用・煮付け用に切り分けもいたします。",
            zh_Hans="每天清晨进货的鲭鱼、带鱼和鱿鱼，当场为您处理干净，可按烤制或炖煮切好。",
            zh_Hant="每天清晨進貨的鯖魚、白帶魚和魷魚，當場為您處理乾淨，可依烤製或燉煮切好。",
        ),
        phone="051-000-0101",
        opening_hours="06:30-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.KAKAOPAY),
        products=(
            _p("생물 고등어", "Fresh mackerel", "生サバ", "新鲜鲭鱼", "新鮮鯖魚",
               won=5_000, unit="마리"),
            _p("자반고등어", "Salted mackerel", "塩サバ", "咸鲭鱼", "鹽漬鯖魚",
               won=10_000, unit="2마리"),
            _p("생물 갈치", "Fresh hairtail", "生タチウオ", "新鲜带鱼", "新鮮白帶魚",
               won=15_000, unit="마리"),
            _p("생물 오징어", "Fresh squid", "生スルメイカ", "新鲜鱿鱼", "新鮮魷魚",
               won=12_000, unit="2마리"),
            _p("참가자미", "Righteye flounder", "マガレイ", "鲽鱼", "鰈魚",
               won=15_000, unit="3마리"),
        ),
        kakao_channel_id="_bsDemoSea01",
        payment_qr_payload=_qr("A01", "SEA SCENT FISH", "5422"),
    ),
    DemoStore(
        stall_number="A-2",
        category=Category.SEAFOOD,
        name=T(
            ko="갯바위 활어",
            en="Rocky Shore Live Fish",
            ja="磯岩活魚",
            zh_Hans="礁石活鱼",
            zh_Hant="礁石活魚",
        ),
        description=T(
            ko="수조에서 바로 건진 광어와 참돔을 회로 떠 드리고, "
            "제철 멍게와 해삼도 손질해 포장해 드립니다.",
            en="Flatfish and red sea bream are taken live from the tank and sliced into "
            "sashimi; seasonal sea squirt and sea cucumber are cleaned and packed to take away.",
            ja="水槽から揚げたヒラメとマダイをその場で刺身にし、"
            "旬のホヤやナマコもさばいて持ち帰り用にお包みします。",
            zh_Hans="从水槽现捞的比目鱼和真鲷现切成生鱼片，应季的海鞘和海参也可处理好打包带走。",
            zh_Hant="從水槽現撈的比目魚和真鯛現切成生魚片，當季的海鞘和海參也可處理好打包帶走。",
        ),
        phone="051-000-0102",
        opening_hours="09:00-21:00 (매주 월요일 휴무)",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI),
        products=(
            _p("광어회", "Flatfish sashimi", "ヒラメの刺身", "比目鱼生鱼片", "比目魚生魚片",
               won=25_000, unit="팩"),
            _p("참돔회", "Red sea bream sashimi", "マダイの刺身", "真鲷生鱼片", "真鯛生魚片",
               won=30_000, unit="팩"),
            _p("모둠회", "Assorted sashimi", "刺身盛り合わせ", "什锦生鱼片", "綜合生魚片",
               won=40_000, unit="팩"),
            _p("멍게", "Sea squirt", "ホヤ", "海鞘", "海鞘", won=12_000, unit="kg"),
            _p("해삼", "Sea cucumber", "ナマコ", "海参", "海參",
               won=15_000, unit="300g", sold_out=True),
        ),
    ),
    DemoStore(
        stall_number="A-3",
        category=Category.SEAFOOD,
        name=T(
            ko="물결 수제어묵",
            en="Wave Handmade Fish Cakes",
            ja="波の手作りオムク",
            zh_Hans="波浪手工鱼饼",
            zh_Hant="波浪手工魚板",
        ),
        description=T(
            ko="매일 아침 가게에서 직접 튀기는 부산 어묵입니다. "
            "따끈한 어묵 꼬치와 국물은 서서 드시고, 모둠 어묵은 포장해 가세요.",
            en="Busan fish cakes fried in the shop every morning. Have a hot skewer with "
            "broth on the spot, or take a bag of assorted fish cakes home.",
            ja="毎朝お店で揚げる釜山おでん（オムク）です。"
            "熱々のおでん串とスープはその場で、盛り合わせはお持ち帰りでどうぞ。",
            zh_Hans="每天早上在店里现炸的釜山鱼饼。热乎乎的鱼饼串配汤可以站着吃，"
            "什锦鱼饼可以打包带回家。",
            zh_Hant="每天早上在店裡現炸的釜山魚板。熱騰騰的魚板串配湯可以站著吃，"
            "綜合魚板可以打包帶回家。",
        ),
        phone="051-000-0103",
        opening_hours="07:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.KAKAOPAY, Pay.NAVERPAY),
        products=(
            _p("어묵 꼬치", "Fish cake skewer", "おでん串", "鱼饼串", "魚板串",
               won=1_000, unit="개"),
            _p("땡초 어묵", "Spicy chili fish cake", "青唐辛子入りオムク", "辣椒鱼饼", "辣椒魚板",
               won=1_500, unit="개"),
            _p("핫바", "Fish cake bar", "オムクバー", "鱼肉棒", "魚肉棒", won=2_500, unit="개"),
            _p("모둠 어묵", "Assorted fish cakes", "オムク盛り合わせ", "什锦鱼饼", "綜合魚板",
               won=8_000, unit="봉"),
            _p("야채 어묵", "Vegetable fish cakes", "野菜入りオムク", "蔬菜鱼饼", "蔬菜魚板",
               won=6_000, unit="팩"),
            _p("어묵탕 세트", "Fish cake soup kit", "オムク鍋セット", "鱼饼汤套装", "魚板湯組合",
               won=12_000, unit="팩"),
        ),
        kakao_channel_id="_bsDemoEomuk",
        payment_qr_payload=_qr("A03", "WAVE FISH CAKES", "5422"),
    ),
    DemoStore(
        stall_number="A-5",
        category=Category.DRIED_GOODS,
        name=T(
            ko="해풍 건어물",
            en="Sea Wind Dried Fish",
            ja="海風乾物店",
            zh_Hans="海风干货",
            zh_Hant="海風乾貨",
        ),
        description=T(
            ko="국물용 멸치부터 볶음용 잔멸치, 마른오징어와 쥐포까지 "
            "바닷바람에 말린 건어물을 넉넉하게 담아 드립니다.",
            en="Dried seafood cured in the sea wind, from anchovies for stock and tiny "
            "anchovies for stir-frying to dried squid and filefish jerky, in generous measures.",
            ja="だし用の煮干しから炒め物用のちりめん、スルメ、カワハギの干物まで、"
            "海風で干した乾物をたっぷり量ってお売りします。",
            zh_Hans="从熬汤用的鳀鱼干、炒菜用的小鳀鱼干，到鱿鱼干和马面鱼片，"
            "都是海风吹干的干货，分量十足。",
            zh_Hant="從熬湯用的鯷魚乾、炒菜用的小鯷魚乾，到魷魚乾和馬面魚片，"
            "都是海風吹乾的乾貨，份量十足。",
        ),
        phone="051-000-0105",
        opening_hours="08:00-19:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.BANK_TRANSFER),
        products=(
            _p("국물용 멸치", "Anchovies for stock", "だし用煮干し", "汤用鳀鱼干", "湯用鯷魚乾",
               won=12_000, unit="500g"),
            _p("볶음용 잔멸치", "Small anchovies for stir-frying", "炒め物用ちりめんじゃこ",
               "炒菜用小鳀鱼干", "炒菜用小鯷魚乾", won=15_000, unit="500g"),
            _p("마른오징어", "Dried squid", "スルメ", "鱿鱼干", "魷魚乾", won=35_000, unit="5마리"),
            _p("쥐포", "Filefish jerky", "カワハギの干物", "马面鱼片", "馬面魚片",
               won=10_000, unit="봉"),
            _p("황태채", "Shredded dried pollack", "干しスケトウダラの裂き身", "黄太鱼丝",
               "黃太魚絲", won=12_000, unit="봉", sold_out=True),
            _p("다시마", "Dried kelp", "昆布", "海带", "昆布", won=6_000, unit="봉"),
        ),
        kakao_channel_id="_bsDemoDry05",
        payment_qr_payload=_qr("A05", "SEA WIND DRIED FISH", "5499"),
    ),
    DemoStore(
        stall_number="A-6",
        category=Category.DRIED_GOODS,
        name=T(
            ko="파도소리 김·미역",
            en="Wave Song Laver and Seaweed",
            ja="波音の海苔・ワカメ",
            zh_Hans="涛声紫菜海带",
            zh_Hant="濤聲海苔海帶芽",
        ),
        description=T(
            ko="기장 바다에서 난 미역과 다시마, 겨울 햇김을 파는 해조류 전문점입니다. "
            "김은 10장 단위로 팝니다.",
            en="A seaweed specialist selling sea mustard and kelp from the Gijang coast and "
            "new-season winter laver. Laver is sold in packs of 10 sheets.",
            ja="機張（キジャン）の海で採れたワカメや昆布、冬の新海苔を扱う海藻専門店です。"
            "海苔は10枚単位で販売します。",
            zh_Hans="专卖机张海域出产的裙带菜、海带和冬季新紫菜的海藻店。紫菜以10张为单位出售。",
            zh_Hant="專賣機張海域出產的海帶芽、昆布和冬季新海苔的海藻店。海苔以10張為單位販售。",
        ),
        phone="051-000-0106",
        opening_hours="08:00-19:00",
        payment_methods=(Pay.CASH, Pay.ZEROPAY, Pay.ONNURI),
        products=(
            _p("돌김", "Rock laver", "岩のり", "石紫菜", "岩海苔", won=5_000, unit="10장"),
            _p("곱창김", "Crinkly gopchang laver", "コプチャン海苔", "卷曲紫菜", "捲曲海苔",
               won=8_000, unit="10장"),
            _p("재래김", "Seasoned traditional laver", "味付け海苔", "调味紫菜", "調味海苔",
               won=3_000, unit="봉"),
            _p("기장 미역", "Gijang sea mustard", "機張産ワカメ", "机张裙带菜", "機張海帶芽",
               won=15_000, unit="봉"),
            _p("다시마", "Dried kelp", "昆布", "海带", "昆布", won=7_000, unit="봉"),
        ),
    ),
    DemoStore(
        stall_number="A-8",
        category=Category.SEAFOOD,
        name=T(
            ko="갯벌 조개",
            en="Tidal Flat Clams",
            ja="干潟の貝",
            zh_Hans="滩涂贝类",
            zh_Hant="灘塗貝類",
        ),
        description=T(
            ko="바지락, 홍합, 가리비 같은 조개류를 해감해서 팝니다. 가게 보수 공사로 잠시 쉽니다.",
            en="Clams, mussels and scallops, sold already purged of sand. "
            "Closed for a while for shop repairs.",
            ja="アサリ、ムール貝、ホタテなどの貝類を砂抜きして販売しています。"
            "店舗改装のため、しばらくお休みします。",
            zh_Hans="出售已吐沙的花蛤、青口和扇贝等贝类。店铺整修中，暂停营业。",
            zh_Hant="販售已吐沙的蛤蜊、淡菜和扇貝等貝類。店鋪整修中，暫停營業。",
        ),
        phone="051-000-0108",
        opening_hours="08:00-19:00",
        payment_methods=(Pay.CASH, Pay.ONNURI),
        products=(
            _p("바지락", "Short-neck clams", "アサリ", "花蛤", "蛤蜊", won=8_000, unit="kg"),
            _p("홍합", "Mussels", "ムール貝", "青口贝", "淡菜", won=5_000, unit="kg"),
            _p("가리비", "Scallops", "ホタテ", "扇贝", "扇貝", won=15_000, unit="kg"),
            _p("꼬막", "Cockles", "ハイガイ", "泥蚶", "血蚶", won=12_000, unit="kg", sold_out=True),
        ),
        active=False,
    ),
    DemoStore(
        stall_number="B-1",
        category=Category.PRODUCE,
        name=T(
            ko="초록들 채소",
            en="Green Field Vegetables",
            ja="緑の野原八百屋",
            zh_Hans="绿野蔬菜",
            zh_Hant="綠野蔬菜",
        ),
        description=T(
            ko="근교 농가에서 들여온 배추, 무, 대파 같은 제철 채소를 그날그날 팝니다. "
            "김장철에는 절임배추 주문도 받습니다.",
            en="Seasonal vegetables such as napa cabbage, radish and green onions from nearby "
            "farms, fresh every day. Salted cabbage can be ordered for kimchi-making season.",
            ja="近郊の農家から仕入れた白菜、大根、長ネギなど旬の野菜を毎日販売しています。"
            "キムジャンの時期には塩漬け白菜の注文も承ります。",
            zh_Hans="每天销售从近郊农户进货的白菜、萝卜、大葱等应季蔬菜。"
            "腌泡菜季节可预订腌好的白菜。",
            zh_Hant="每天販售從近郊農家進貨的大白菜、白蘿蔔、大蔥等當季蔬菜。"
            "醃泡菜季節可預訂醃好的白菜。",
        ),
        phone="051-000-0201",
        opening_hours="07:00-20:00",
        payment_methods=(Pay.CASH, Pay.ZEROPAY, Pay.ONNURI, Pay.BANK_TRANSFER),
        products=(
            _p("배추", "Napa cabbage", "白菜", "白菜", "大白菜", won=4_000, unit="포기"),
            _p("무", "Korean radish", "大根", "萝卜", "白蘿蔔", won=2_000, unit="개"),
            _p("대파", "Green onions", "長ネギ", "大葱", "大蔥", won=3_000, unit="단"),
            _p("시금치", "Spinach", "ほうれん草", "菠菜", "菠菜", won=3_000, unit="단"),
            _p("애호박", "Korean zucchini", "韓国ズッキーニ（エホバク）", "西葫芦", "櫛瓜",
               won=1_500, unit="개"),
            _p("감자", "Potatoes", "じゃがいも", "土豆", "馬鈴薯", won=5_000, unit="kg"),
            _p("절임배추", "Salted napa cabbage", "塩漬け白菜", "腌白菜", "醃白菜",
               won=35_000, unit="20kg 박스", sold_out=True),
        ),
    ),
    DemoStore(
        stall_number="B-2",
        category=Category.PRODUCE,
        name=T(
            ko="햇살 두부·나물",
            en="Sunny Tofu and Greens",
            ja="ひだまり豆腐とナムル",
            zh_Hans="阳光豆腐野菜",
            zh_Hant="陽光豆腐野菜",
        ),
        description=T(
            ko="새벽에 직접 만든 손두부와 콩나물, 데쳐서 바로 무칠 수 있는 나물을 팝니다.",
            en="Handmade tofu made at dawn, bean sprouts, and blanched greens ready to "
            "season at home.",
            ja="夜明けに手作りした豆腐と豆もやし、下ゆで済みですぐ和えられるナムル用の山菜を"
            "販売しています。",
            zh_Hans="出售凌晨亲手做的手工豆腐、黄豆芽，以及焯好水、回家即可凉拌的野菜。",
            zh_Hant="販售凌晨親手做的手工豆腐、黃豆芽，以及汆燙好、回家即可涼拌的野菜。",
        ),
        phone="051-000-0202",
        opening_hours="06:00-19:00",
        payment_methods=(Pay.CASH, Pay.ZEROPAY, Pay.ONNURI),
        products=(
            _p("손두부", "Handmade tofu", "手作り豆腐", "手工豆腐", "手工豆腐",
               won=4_000, unit="모"),
            _p("콩나물", "Soybean sprouts", "豆もやし", "黄豆芽", "黃豆芽", won=1_500, unit="봉"),
            _p("삶은 고사리", "Boiled bracken", "ゆでワラビ", "煮蕨菜", "燙蕨菜",
               won=5_000, unit="200g"),
            _p("도라지", "Bellflower root", "トラジ（桔梗の根）", "桔梗根", "桔梗根",
               won=7_000, unit="300g"),
            _p("청양고추", "Cheongyang hot peppers", "青陽唐辛子", "青阳辣椒", "青陽辣椒",
               won=3_000, unit="봉"),
        ),
    ),
    DemoStore(
        stall_number="B-3",
        category=Category.FRUIT,
        name=T(
            ko="사계절 과일",
            en="Four Seasons Fruit",
            ja="四季の果物",
            zh_Hans="四季水果",
            zh_Hant="四季水果",
        ),
        description=T(
            ko="사과, 배 같은 국산 과일을 제철에 맞춰 들여옵니다. "
            "선물용 과일 바구니도 만들어 드립니다.",
            en="Korean apples, pears and other fruit bought in as each comes into season. "
            "We also make up fruit baskets for gifts.",
            ja="リンゴや梨など韓国産の果物を旬に合わせて仕入れています。"
            "贈答用のフルーツバスケットもお作りします。",
            zh_Hans="按季节进货苹果、梨等韩国本地水果，也可以制作送礼用的水果篮。",
            zh_Hant="依季節進貨蘋果、梨等韓國本地水果，也可以製作送禮用的水果籃。",
        ),
        phone="051-000-0203",
        opening_hours="08:00-21:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.KAKAOPAY),
        products=(
            _p("사과", "Apples", "リンゴ", "苹果", "蘋果", won=15_000, unit="5개"),
            _p("배", "Korean pears", "梨", "韩国梨", "韓國梨", won=15_000, unit="3개"),
            _p("딸기", "Strawberries", "イチゴ", "草莓", "草莓", won=12_000, unit="팩"),
            _p("단감", "Sweet persimmons", "甘柿", "甜柿", "甜柿", won=10_000, unit="8개"),
            _p("샤인머스캣", "Shine Muscat grapes", "シャインマスカット", "阳光玫瑰葡萄",
               "麝香葡萄", won=15_000, unit="송이", sold_out=True),
            _p("과일 바구니", "Fruit gift basket", "フルーツバスケット", "水果礼篮", "水果禮籃",
               won=50_000, unit="개"),
        ),
    ),
    DemoStore(
        stall_number="B-5",
        category=Category.MEAT,
        name=T(
            ko="든든 정육",
            en="Hearty Butcher",
            ja="たっぷり精肉店",
            zh_Hans="实在肉铺",
            zh_Hant="實在肉舖",
        ),
        description=T(
            ko="국내산 돼지고기와 한우를 원하는 두께로 썰어 드립니다. "
            "명절에는 선물 세트도 준비합니다.",
            en="Korean pork and Hanwoo beef cut to the thickness you ask for. "
            "Gift sets are ready for the holidays.",
            ja="韓国産の豚肉と韓牛（ハヌ）をお好みの厚さに切り分けます。"
            "旧正月や秋夕にはギフトセットもご用意します。",
            zh_Hans="韩国产猪肉和韩牛按您需要的厚度切片。逢年过节还备有礼盒。",
            zh_Hant="韓國產豬肉和韓牛依您需要的厚度切片。逢年過節還備有禮盒。",
        ),
        phone="051-000-0205",
        opening_hours="09:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI),
        products=(
            _p("삼겹살", "Pork belly", "豚バラ肉（サムギョプサル）", "五花肉", "五花肉",
               won=18_000, unit="근"),
            _p("목살", "Pork neck", "豚肩ロース", "猪颈肉", "豬梅花肉", won=17_000, unit="근"),
            _p("앞다리살", "Pork shoulder", "豚ウデ肉", "猪前腿肉", "豬前腿肉",
               won=10_000, unit="근"),
            _p("한우 불고기", "Hanwoo beef for bulgogi", "韓牛プルコギ用", "韩牛烤肉片",
               "韓牛烤肉片", won=36_000, unit="근"),
            _p("한우 국거리", "Hanwoo beef for soup", "韓牛スープ用", "韩牛炖汤肉", "韓牛燉湯肉",
               won=30_000, unit="근"),
            _p("생닭", "Whole chicken", "丸鶏", "整鸡", "全雞", won=9_000, unit="마리"),
        ),
        payment_qr_payload=_qr("B05", "HEARTY BUTCHER", "5422"),
    ),
    DemoStore(
        stall_number="B-6",
        category=Category.RICE_CAKES,
        name=T(
            ko="달빛 떡방",
            en="Moonlight Rice Cakes",
            ja="月明かり餅店",
            zh_Hans="月光年糕坊",
            zh_Hant="月光年糕坊",
        ),
        description=T(
            ko="매일 새벽 쌀을 빻아 찐 떡을 팝니다. 돌잔치 떡과 이사 떡은 하루 전에 주문해 주세요.",
            en="Rice cakes steamed every morning from freshly milled rice. Please order a day "
            "ahead for first-birthday or house-moving rice cakes.",
            ja="毎朝お米を挽いて蒸したお餅を販売しています。"
            "1歳のお祝いや引っ越し用のお餅は前日までにご注文ください。",
            zh_Hans="每天清晨现磨米粉蒸制年糕。周岁宴、乔迁用的年糕请提前一天预订。",
            zh_Hant="每天清晨現磨米粉蒸製年糕。週歲宴、喬遷用的年糕請提前一天預訂。",
        ),
        phone="051-000-0206",
        opening_hours="06:00-18:00 (매주 일요일 휴무)",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.BANK_TRANSFER),
        products=(
            _p("꿀떡", "Honey-filled rice cakes", "蜜入り餅（クルトック）", "蜂蜜年糕", "蜂蜜年糕",
               won=4_000, unit="팩"),
            _p("인절미", "Injeolmi (soybean-dusted rice cake)", "きな粉餅（インジョルミ）",
               "黄豆粉年糕", "黃豆粉年糕", won=5_000, unit="팩"),
            _p("시루떡", "Red bean layer cake", "小豆の蒸し餅（シルトック）", "红豆蒸糕",
               "紅豆蒸糕", won=5_000, unit="팩"),
            _p("떡국떡", "Sliced rice cakes for soup", "トックク用の餅", "年糕汤片", "年糕湯片",
               won=7_000, unit="kg"),
            _p("떡볶이떡", "Rice cakes for tteokbokki", "トッポッキ用の餅", "炒年糕用年糕条",
               "炒年糕用年糕條", won=6_000, unit="kg"),
            _p("송편", "Songpyeon (half-moon rice cakes)", "ソンピョン", "松叶糕", "松葉糕",
               won=12_000, unit="팩", sold_out=True),
        ),
        kakao_channel_id="_bsDemoTteok",
    ),
    DemoStore(
        stall_number="B-7",
        category=Category.SIDE_DISHES,
        name=T(
            ko="오늘 반찬",
            en="Today's Side Dishes",
            ja="今日のおかず",
            zh_Hans="今日小菜",
            zh_Hant="今日小菜",
        ),
        description=T(
            ko="날마다 새로 무치고 볶는 반찬 가게입니다. 배추김치와 깍두기는 직접 담급니다.",
            en="A side-dish shop that seasons and stir-fries everything fresh each day. "
            "The cabbage kimchi and radish kimchi are made in-house.",
            ja="毎日新しく和えて炒めるおかずの店です。白菜キムチとカクテキは自家製です。",
            zh_Hans="每天现拌现炒的小菜店。辣白菜和萝卜块泡菜都是自家腌制的。",
            zh_Hant="每天現拌現炒的小菜店。韓式泡菜和蘿蔔塊泡菜都是自家醃製的。",
        ),
        phone="051-000-0207",
        opening_hours="08:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.KAKAOPAY),
        products=(
            _p("배추김치", "Napa cabbage kimchi", "白菜キムチ", "辣白菜", "韓式泡菜",
               won=12_000, unit="kg"),
            _p("깍두기", "Radish kimchi (kkakdugi)", "カクテキ", "萝卜块泡菜", "蘿蔔塊泡菜",
               won=10_000, unit="kg"),
            _p("멸치볶음", "Stir-fried anchovies", "じゃこ炒め", "炒小鳀鱼", "炒小鯷魚",
               won=5_000, unit="팩"),
            _p("콩자반", "Sweet soy black beans", "黒豆の醤油煮", "酱黑豆", "醬黑豆",
               won=4_000, unit="팩"),
            _p("장조림", "Soy-braised beef", "牛肉の醤油煮", "酱牛肉", "醬牛肉",
               won=8_000, unit="팩"),
            _p("잡채", "Japchae (glass noodles)", "チャプチェ", "杂菜炒粉丝", "雜菜炒冬粉",
               won=7_000, unit="팩"),
            _p("나물 3종", "Three seasoned greens", "ナムル3種", "凉拌野菜三样", "涼拌野菜三樣",
               won=10_000, unit="3팩"),
        ),
        kakao_channel_id="_bsDemoBanchan",
    ),
    DemoStore(
        stall_number="B-8",
        category=Category.SIDE_DISHES,
        name=T(
            ko="짭조름 젓갈",
            en="Salty Sea Jeotgal",
            ja="しょっぱい塩辛屋",
            zh_Hans="咸香鱼酱铺",
            zh_Hant="鹹香魚醬舖",
        ),
        description=T(
            ko="명란젓, 오징어젓, 새우젓 등 직접 숙성한 젓갈을 맛보고 사실 수 있습니다. "
            "김장용 새우젓도 넉넉히 준비해 둡니다.",
            en="Salted seafood (jeotgal) aged on the premises: pollock roe, squid, shrimp and "
            "more, with tasting welcome. Plenty of salted shrimp is kept for kimchi season.",
            ja="明太子、イカの塩辛、アミの塩辛など、自家熟成の塩辛（チョッカル）を"
            "味見してからお買い求めいただけます。キムジャン用のアミの塩辛も十分ご用意しています。",
            zh_Hans="自家熟成的明太鱼子酱、鱿鱼酱、虾酱等腌海鲜，可以先尝后买。"
            "腌泡菜用的虾酱备货充足。",
            zh_Hant="自家熟成的明太魚卵醬、魷魚醬、蝦醬等醃漬海鮮，可以先試吃再購買。"
            "醃泡菜用的蝦醬備貨充足。",
        ),
        phone="051-000-0208",
        opening_hours="08:00-19:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ONNURI, Pay.BANK_TRANSFER),
        products=(
            _p("명란젓", "Salted pollock roe", "明太子", "明太鱼子酱", "明太魚卵醬",
               won=18_000, unit="300g"),
            _p("오징어젓", "Salted squid", "イカの塩辛", "鱿鱼酱", "魷魚醬",
               won=10_000, unit="500g"),
            _p("새우젓", "Salted shrimp", "アミの塩辛", "虾酱", "蝦醬", won=15_000, unit="kg"),
            _p("낙지젓", "Salted octopus", "テナガダコの塩辛", "章鱼酱", "章魚醬",
               won=12_000, unit="500g"),
            _p("창란젓", "Salted pollock tripe", "チャンジャ", "明太鱼肠酱", "明太魚腸醬",
               won=9_000, unit="500g"),
        ),
    ),
    DemoStore(
        stall_number="C-1",
        category=Category.STREET_FOOD,
        name=T(
            ko="고소 씨앗호떡",
            en="Nutty Seed Hotteok",
            ja="香ばしシアッホットク",
            zh_Hans="香脆坚果糖饼",
            zh_Hant="香脆堅果糖餅",
        ),
        description=T(
            ko="갓 구운 호떡을 갈라 해바라기씨, 호박씨, 땅콩을 듬뿍 넣어 드리는 "
            "부산식 씨앗호떡입니다.",
            en="Busan-style seed hotteok: the pancake is split straight off the griddle and "
            "stuffed with sunflower seeds, pumpkin seeds and peanuts.",
            ja="焼きたてのホットクを割って、ひまわりの種、かぼちゃの種、ピーナッツを"
            "たっぷり詰める釜山名物のシアッホットクです。",
            zh_Hans="釜山风味坚果糖饼：刚烙好的糖饼当场切开，塞满葵花子、南瓜子和花生。",
            zh_Hant="釜山風味堅果糖餅：剛煎好的糖餅當場切開，塞滿葵花子、南瓜子和花生。",
        ),
        phone="051-000-0301",
        opening_hours="10:00-20:00",
        payment_methods=(Pay.CASH, Pay.ZEROPAY, Pay.KAKAOPAY, Pay.BANK_TRANSFER),
        products=(
            _p("씨앗호떡", "Seed hotteok", "シアッホットク", "坚果糖饼", "堅果糖餅",
               won=2_000, unit="개"),
            _p("꿀호떡", "Honey hotteok", "蜂蜜ホットク", "蜂蜜糖饼", "蜂蜜糖餅",
               won=1_500, unit="개"),
            _p("잡채호떡", "Glass-noodle hotteok", "チャプチェホットク", "粉丝煎饼", "冬粉煎餅",
               won=2_500, unit="개"),
            _p("식혜", "Sikhye (sweet rice drink)", "シッケ（甘い米の飲み物）", "韩式甜米露",
               "韓式甜米露", won=3_000, unit="병"),
        ),
        kakao_channel_id="_bsDemoHotteok",
        payment_qr_payload=_qr("C01", "SEED HOTTEOK", "5814"),
    ),
    DemoStore(
        stall_number="C-2",
        category=Category.STREET_FOOD,
        name=T(
            ko="불꽃 분식",
            en="Flame Snack Bar",
            ja="炎の軽食屋",
            zh_Hans="火焰小吃",
            zh_Hant="火焰小吃",
        ),
        description=T(
            ko="매콤달콤한 떡볶이와 순대, 튀김을 파는 분식집입니다. "
            "떡볶이 국물에 튀김을 찍어 드셔 보세요.",
            en="A snack bar serving sweet-and-spicy tteokbokki, sundae and fritters. "
            "Try dipping the fritters in the tteokbokki sauce.",
            ja="甘辛いトッポッキ、スンデ、天ぷらの軽食屋です。"
            "天ぷらをトッポッキのソースにつけて食べてみてください。",
            zh_Hans="卖甜辣炒年糕、米肠和炸物的小吃店。炸物蘸炒年糕酱汁一起吃，味道最好。",
            zh_Hant="賣甜辣炒年糕、米腸和炸物的小吃店。炸物沾炒年糕醬汁一起吃，味道最好。",
        ),
        phone="051-000-0302",
        opening_hours="10:00-21:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.KAKAOPAY),
        products=(
            _p("떡볶이", "Tteokbokki", "トッポッキ", "炒年糕", "炒年糕", won=4_000, unit="인분"),
            _p("순대", "Sundae (Korean blood sausage)", "スンデ（韓国の腸詰め）", "米肠", "米腸",
               won=4_000, unit="인분"),
            _p("모둠 튀김", "Assorted fritters", "天ぷら盛り合わせ", "什锦炸物", "綜合炸物",
               won=5_000, unit="5개"),
            _p("김밥", "Gimbap", "キンパ", "紫菜包饭", "紫菜飯捲", won=3_500, unit="줄"),
            _p("어묵 꼬치", "Fish cake skewer", "おでん串", "鱼饼串", "魚板串",
               won=1_000, unit="개"),
        ),
    ),
    DemoStore(
        stall_number="C-3",
        category=Category.RESTAURANT,
        name=T(
            ko="뚝배기 국밥",
            en="Earthen Pot Gukbap",
            ja="土鍋クッパ",
            zh_Hans="砂锅汤饭",
            zh_Hant="砂鍋湯飯",
        ),
        description=T(
            ko="돼지 뼈를 밤새 고아 낸 뽀얀 국물의 부산식 돼지국밥집입니다. "
            "새우젓과 부추를 곁들여 드세요.",
            en="A Busan pork-and-rice soup house; the milky broth is simmered from pork bones "
            "overnight. Season it with salted shrimp and chives.",
            ja="豚骨を一晩煮込んだ白濁スープの釜山式テジクッパの店です。"
            "アミの塩辛とニラを添えてお召し上がりください。",
            zh_Hans="釜山式猪肉汤饭店，乳白色的汤头用猪骨熬了一整夜。可以加虾酱和韭菜一起吃。",
            zh_Hant="釜山式豬肉湯飯店，乳白色的湯頭用豬骨熬了一整夜。可以加蝦醬和韭菜一起吃。",
        ),
        phone="051-000-0303",
        opening_hours="06:00-21:00 (매월 첫째·셋째 일요일 휴무)",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.KAKAOPAY, Pay.NAVERPAY),
        products=(
            _p("돼지국밥", "Pork and rice soup", "テジクッパ", "猪肉汤饭", "豬肉湯飯",
               won=10_000, unit="인분"),
            _p("순대국밥", "Sundae and rice soup", "スンデクッパ", "米肠汤饭", "米腸湯飯",
               won=10_000, unit="인분"),
            _p("수육백반", "Boiled pork set meal", "スユク定食", "白切肉套餐", "白切肉套餐",
               won=13_000, unit="인분"),
            _p("수육", "Sliced boiled pork", "ゆで豚（スユク）", "白切猪肉", "白切豬肉",
               won=25_000, unit="2인분"),
            _p("공깃밥", "Extra bowl of rice", "ご飯の追加", "加一碗米饭", "加一碗白飯",
               won=1_000, unit="개"),
        ),
        kakao_channel_id="_bsDemoGukbap",
        payment_qr_payload=_qr("C03", "EARTHEN POT GUKBAP", "5812"),
    ),
    DemoStore(
        stall_number="C-5",
        category=Category.BAKERY,
        name=T(
            ko="꽈배기 공방",
            en="Twisted Doughnut Workshop",
            ja="クァベギ工房",
            zh_Hans="麻花工坊",
            zh_Hant="麻花工坊",
        ),
        description=T(
            ko="찹쌀 반죽을 직접 꼬아 튀긴 꽈배기와 팥도넛을 팝니다. "
            "오후 세 시쯤 갓 튀긴 것이 가장 많습니다.",
            en="Twisted doughnuts of glutinous rice dough, shaped by hand and fried here, "
            "plus red-bean doughnuts. Most batches come out of the fryer around 3 p.m.",
            ja="もち米の生地を手でねじって揚げるクァベギ（ねじりドーナツ）とあんドーナツの店です。"
            "揚げたてが一番多いのは午後3時ごろです。",
            zh_Hans="用糯米面团亲手拧成麻花再现炸的麻花和红豆甜甜圈。下午三点左右刚出锅的最多。",
            zh_Hant="用糯米麵團親手扭成麻花再現炸的麻花和紅豆甜甜圈。下午三點左右剛起鍋的最多。",
        ),
        phone="051-000-0305",
        opening_hours="09:00-19:00",
        payment_methods=(Pay.CASH, Pay.ZEROPAY, Pay.ONNURI, Pay.BANK_TRANSFER),
        products=(
            _p("찹쌀꽈배기", "Glutinous rice twisted doughnut", "もち米クァベギ", "糯米麻花",
               "糯米麻花", won=1_000, unit="개"),
            _p("팥도넛", "Red-bean doughnut", "あんドーナツ", "红豆甜甜圈", "紅豆甜甜圈",
               won=1_000, unit="개"),
            _p("찹쌀도넛", "Chewy rice doughnut balls", "もち米ドーナツ", "糯米球", "糯米球",
               won=2_000, unit="3개"),
            _p("고로케", "Croquette", "コロッケ", "可乐饼", "可樂餅", won=2_000, unit="개"),
        ),
    ),
    DemoStore(
        stall_number="C-6",
        category=Category.BAKERY,
        name=T(
            ko="추억의 과자",
            en="Nostalgic Sweets",
            ja="思い出のお菓子",
            zh_Hans="回忆零食铺",
            zh_Hant="回憶零食舖",
        ),
        description=T(
            ko="어릴 적 시장에서 사 먹던 옛날 과자와 강정, 뻥튀기를 저울에 달아 팝니다.",
            en="Old-fashioned biscuits, nut brittle and puffed-rice crackers like the ones "
            "from childhood market trips, sold by weight.",
            ja="子どもの頃に市場で買ったような昔ながらのお菓子、おこし、ポン菓子を"
            "量り売りしています。",
            zh_Hans="按重量零卖小时候在市场买的老式饼干、坚果糖和爆米饼。",
            zh_Hant="秤重販售小時候在市場買的古早味餅乾、堅果糖和米香餅。",
        ),
        phone="051-000-0306",
        opening_hours="09:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI),
        products=(
            _p("옛날과자 모둠", "Old-fashioned biscuit mix", "昔ながらのお菓子詰め合わせ",
               "什锦老式饼干", "古早味餅乾綜合", won=6_000, unit="500g"),
            _p("땅콩강정", "Peanut brittle", "ピーナッツおこし", "花生糖", "花生糖",
               won=8_000, unit="봉"),
            _p("뻥튀기", "Puffed rice crackers", "ポン菓子せんべい", "爆米饼", "米香餅",
               won=3_000, unit="봉"),
            _p("전병", "Thin rice wafers", "薄焼きせんべい", "薄脆饼", "薄煎餅",
               won=5_000, unit="봉"),
            _p("유과", "Yugwa (puffed rice cookies)", "ユグァ（韓国の揚げ菓子）", "油果", "油果",
               won=10_000, unit="팩"),
        ),
        payment_qr_payload=_qr("C06", "NOSTALGIC SWEETS", "5441"),
    ),
    DemoStore(
        stall_number="C-7",
        category=Category.STREET_FOOD,
        name=T(
            ko="바삭 통닭",
            en="Crispy Whole Chicken",
            ja="サクサク丸鶏フライ",
            zh_Hans="酥脆整鸡",
            zh_Hant="酥脆全雞",
        ),
        description=T(
            ko="가마솥 기름에 통째로 튀겨 내는 옛날 통닭집입니다. 닭강정은 컵으로도 팝니다.",
            en="An old-style fried chicken stall that fries whole birds in a cauldron. "
            "Sweet crispy chicken bites also come in a cup.",
            ja="大釜の油で丸ごと揚げる昔ながらの丸鶏フライの店です。"
            "タッカンジョンはカップでも販売します。",
            zh_Hans="用大铁锅整只油炸的老式炸鸡店。甜辣鸡块也有杯装。",
            zh_Hant="用大鐵鍋整隻油炸的古早味炸雞店。甜辣雞塊也有杯裝。",
        ),
        phone="051-000-0307",
        opening_hours="11:00-21:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.KAKAOPAY),
        products=(
            _p("옛날통닭", "Old-style whole fried chicken", "昔ながらの丸鶏フライ", "老式整鸡炸鸡",
               "古早味全雞炸雞", won=12_000, unit="마리"),
            _p("양념통닭", "Sweet-spicy glazed chicken", "ヤンニョムチキン", "甜辣炸鸡", "甜辣炸雞",
               won=15_000, unit="마리"),
            _p("컵 닭강정", "Crispy chicken bites in a cup", "カップタッカンジョン", "杯装甜辣鸡块",
               "杯裝甜辣雞塊", won=5_000, unit="개"),
            _p("닭똥집 튀김", "Fried chicken gizzards", "砂肝の唐揚げ", "炸鸡胗", "炸雞胗",
               won=10_000, unit="팩"),
        ),
    ),
    DemoStore(
        stall_number="D-1",
        category=Category.CLOTHING,
        name=T(
            ko="편한 옷방",
            en="Comfy Clothes",
            ja="らくらく衣料",
            zh_Hans="舒适衣铺",
            zh_Hant="舒適衣舖",
        ),
        description=T(
            ko="시장 일할 때 입기 좋은 몸뻬 바지, 조끼, 토시부터 양말까지 편한 옷을 싸게 팝니다.",
            en="Comfortable, inexpensive clothes for market work: loose work trousers, vests "
            "and arm sleeves, down to socks.",
            ja="市場仕事に便利なモンペ、ベスト、腕カバーから靴下まで、"
            "楽な服をお手頃価格で販売しています。",
            zh_Hans="出售适合干活穿的宽松裤、马甲、袖套到袜子等舒适衣物，价格实惠。",
            zh_Hant="販售適合幹活穿的寬鬆褲、背心、袖套到襪子等舒適衣物，價格實惠。",
        ),
        phone="051-000-0401",
        opening_hours="09:00-19:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI),
        products=(
            _p("몸뻬 바지", "Loose work trousers", "モンペ", "宽松花裤", "寬鬆花褲",
               won=10_000, unit="벌"),
            _p("꽃무늬 조끼", "Floral quilted vest", "花柄キルティングベスト", "碎花棉马甲",
               "碎花鋪棉背心", won=15_000, unit="벌"),
            _p("수면바지", "Fleece lounge trousers", "もこもこパンツ", "珊瑚绒睡裤", "珊瑚絨睡褲",
               won=12_000, unit="벌"),
            _p("팔토시", "Arm sleeves", "腕カバー", "袖套", "袖套", won=3_000, unit="켤레"),
            _p("양말", "Socks", "靴下", "袜子", "襪子", won=5_000, unit="5켤레"),
        ),
        payment_qr_payload=_qr("D01", "COMFY CLOTHES", "5651"),
    ),
    DemoStore(
        stall_number="D-2",
        category=Category.HOUSEWARES,
        name=T(
            ko="알뜰 생활용품",
            en="Thrifty Housewares",
            ja="お得な生活用品",
            zh_Hans="实惠生活用品",
            zh_Hant="實惠生活用品",
        ),
        description=T(
            ko="고무장갑, 수세미, 냄비, 김장 대야까지 부엌과 살림에 필요한 물건을 모아 놓았습니다.",
            en="Everything for the kitchen and home, from rubber gloves and scrubbers to pots "
            "and big kimchi-making basins.",
            ja="ゴム手袋、たわし、鍋からキムジャン用のたらいまで、"
            "台所と暮らしに必要な品をそろえています。",
            zh_Hans="从橡胶手套、百洁布、锅具到腌泡菜用的大盆，厨房和家居用品一应俱全。",
            zh_Hant="從橡膠手套、菜瓜布、鍋具到醃泡菜用的大盆，廚房和居家用品一應俱全。",
        ),
        phone="051-000-0402",
        opening_hours="09:00-19:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI),
        products=(
            _p("고무장갑", "Rubber gloves", "ゴム手袋", "橡胶手套", "橡膠手套",
               won=2_000, unit="켤레"),
            _p("수세미", "Dish scrubbers", "たわし", "百洁布", "菜瓜布", won=2_000, unit="3개"),
            _p("양은 냄비", "Aluminium pot", "アルミ鍋", "铝锅", "鋁鍋", won=8_000, unit="개"),
            _p("스테인리스 냄비", "Stainless steel pot", "ステンレス鍋", "不锈钢锅", "不鏽鋼鍋",
               won=25_000, unit="개"),
            _p("김장 대야", "Kimchi-making basin", "キムジャン用たらい", "腌菜大盆", "醃菜大盆",
               won=15_000, unit="개"),
            _p("대나무 채반", "Bamboo strainer", "竹ざる", "竹筛", "竹篩", won=8_000, unit="개"),
        ),
    ),
    DemoStore(
        stall_number="D-3",
        category=Category.FLOWERS,
        name=T(
            ko="봄날 꽃집",
            en="Spring Day Flowers",
            ja="春の日の花屋",
            zh_Hans="春日花店",
            zh_Hant="春日花店",
        ),
        description=T(
            ko="계절 꽃다발과 화분, 다육식물을 파는 작은 꽃집입니다. "
            "어버이날 카네이션은 미리 주문하시면 좋습니다.",
            en="A small florist with seasonal bouquets, potted plants and succulents. "
            "Order Parents' Day carnations in advance.",
            ja="季節の花束や鉢植え、多肉植物を扱う小さな花屋です。"
            "父母の日（5月8日）のカーネーションはご予約がおすすめです。",
            zh_Hans="出售应季花束、盆栽和多肉植物的小花店。父母节的康乃馨建议提前预订。",
            zh_Hant="販售當季花束、盆栽和多肉植物的小花店。父母節的康乃馨建議提前預訂。",
        ),
        phone="051-000-0403",
        opening_hours="09:00-20:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ZEROPAY, Pay.ONNURI, Pay.KAKAOPAY, Pay.NAVERPAY),
        products=(
            _p("계절 꽃다발", "Seasonal bouquet", "季節の花束", "应季花束", "當季花束",
               won=30_000, unit="개"),
            _p("장미", "Roses", "バラ", "玫瑰", "玫瑰", won=15_000, unit="단"),
            _p("카네이션 바구니", "Carnation basket", "カーネーションのかご", "康乃馨花篮",
               "康乃馨花籃", won=25_000, unit="개"),
            _p("다육식물", "Succulent plant", "多肉植物", "多肉植物", "多肉植物",
               won=5_000, unit="개"),
            _p("국화 화분", "Potted chrysanthemum", "菊の鉢植え", "菊花盆栽", "菊花盆栽",
               won=10_000, unit="개"),
        ),
        kakao_channel_id="_bsDemoFlower",
    ),
    DemoStore(
        stall_number="D-5",
        category=Category.OTHER,
        name=T(
            ko="참깨 방앗간",
            en="Sesame Mill",
            ja="ごまの製粉所",
            zh_Hans="芝麻磨坊",
            zh_Hant="芝麻磨坊",
        ),
        description=T(
            ko="국산 참깨와 들깨로 참기름, 들기름을 짜고 고춧가루를 빻아 드리는 방앗간입니다.",
            en="A mill that presses sesame and perilla oil from Korean seeds and grinds "
            "chili powder to order.",
            ja="韓国産のゴマとエゴマでごま油・えごま油を搾り、唐辛子粉も挽いてくれる製粉所です。",
            zh_Hans="用韩国产芝麻和紫苏籽现榨香油、紫苏油，还能代磨辣椒粉的磨坊。",
            zh_Hant="用韓國產芝麻和紫蘇籽現榨麻油、紫蘇油，還能代磨辣椒粉的磨坊。",
        ),
        phone="051-000-0405",
        opening_hours="08:00-18:00 (매주 일요일 휴무)",
        payment_methods=(Pay.CASH, Pay.ZEROPAY, Pay.ONNURI, Pay.BANK_TRANSFER),
        products=(
            _p("참기름", "Sesame oil", "ごま油", "香油", "麻油", won=18_000, unit="350ml 병"),
            _p("들기름", "Perilla oil", "えごま油", "紫苏油", "紫蘇油",
               won=20_000, unit="350ml 병"),
            _p("고춧가루", "Chili powder", "唐辛子粉", "辣椒粉", "辣椒粉", won=25_000, unit="근"),
            _p("볶은 참깨", "Roasted sesame seeds", "炒りごま", "熟芝麻", "熟芝麻",
               won=10_000, unit="봉"),
            _p("미숫가루", "Misutgaru (roasted grain powder)", "ミスッカル（穀物の粉）", "五谷粉",
               "五穀粉", won=12_000, unit="500g"),
        ),
    ),
    DemoStore(
        stall_number="D-6",
        category=Category.HOUSEWARES,
        name=T(
            ko="포근 이불",
            en="Cozy Bedding",
            ja="ふんわり寝具",
            zh_Hans="暖暖寝具",
            zh_Hant="暖暖寢具",
        ),
        description=T(
            ko="차렵이불, 극세사 담요, 베개 커버를 파는 이불 가게입니다. "
            "지금은 영업을 쉬고 있습니다.",
            en="A bedding shop with quilted duvets, microfibre blankets and pillowcases. "
            "Currently not trading.",
            ja="キルトの掛け布団、マイクロファイバー毛布、枕カバーを扱う寝具店です。"
            "現在休業中です。",
            zh_Hans="出售绗缝被、超细纤维毯和枕套的寝具店。目前暂停营业。",
            zh_Hant="販售絎縫被、超細纖維毯和枕頭套的寢具店。目前暫停營業。",
        ),
        phone="051-000-0406",
        opening_hours="10:00-19:00",
        payment_methods=(Pay.CASH, Pay.CARD, Pay.ONNURI),
        products=(
            _p("차렵이불", "Quilted duvet", "キルト掛け布団", "绗缝被", "絎縫被",
               won=50_000, unit="채"),
            _p("극세사 담요", "Microfibre blanket", "マイクロファイバー毛布", "超细纤维毯",
               "超細纖維毯", won=20_000, unit="장"),
            _p("베개 커버", "Pillowcase", "枕カバー", "枕套", "枕頭套", won=5_000, unit="장"),
        ),
        active=False,
    ),
)
# fmt: on

MARKET = DemoMarket(
    slug="bansong",
    name=T(
        ko="반송큰시장",
        en="Bansong Big Market",
        ja="パンソン大市場",
        zh_Hans="盘松大市场",
        zh_Hant="盤松大市場",
    ),
    city=T(
        ko="부산 해운대구",
        en="Haeundae-gu, Busan",
        ja="釜山・海雲台区",
        zh_Hans="釜山海云台区",
        zh_Hant="釜山海雲臺區",
    ),
    stores=STORES,
)
