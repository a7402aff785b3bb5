"""Store categories of a traditional market, with labels marked for translation."""

from __future__ import annotations

from enum import StrEnum

from kiosk.domain.messages import N_


class Category(StrEnum):
    """Codes are stored in the database; never rename one, add new ones instead."""

    SEAFOOD = "seafood"
    PRODUCE = "produce"
    FRUIT = "fruit"
    TANGERINES = "tangerines"  # Jeju citrus: gamgyul, hallabong, cheonhyehyang
    MEAT = "meat"
    RICE_CAKES = "rice_cakes"
    SIDE_DISHES = "side_dishes"
    STREET_FOOD = "street_food"
    RESTAURANT = "restaurant"
    DRIED_GOODS = "dried_goods"
    BAKERY = "bakery"
    CLOTHING = "clothing"
    SOUVENIRS = "souvenirs"
    HOUSEWARES = "housewares"
    FLOWERS = "flowers"
    OTHER = "other"


CATEGORY_LABELS: dict[Category, str] = {
    Category.SEAFOOD: N_("Seafood"),
    Category.PRODUCE: N_("Vegetables"),
    Category.FRUIT: N_("Fruit"),
    Category.TANGERINES: N_("Jeju tangerines"),
    Category.MEAT: N_("Meat"),
    Category.RICE_CAKES: N_("Rice cakes"),
    Category.SIDE_DISHES: N_("Side dishes"),
    Category.STREET_FOOD: N_("Street food"),
    Category.RESTAURANT: N_("Restaurant"),
    Category.DRIED_GOODS: N_("Dried goods"),
    Category.BAKERY: N_("Bakery and snacks"),
    Category.CLOTHING: N_("Clothing"),
    Category.SOUVENIRS: N_("Souvenirs"),
    Category.HOUSEWARES: N_("Housewares"),
    Category.FLOWERS: N_("Flowers"),
    Category.OTHER: N_("Other"),
}
