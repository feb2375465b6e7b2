//! Places: GB/T 2260 division codes for homes, branches, merchants and ATMs, with the groups the
//! fraud story needs (card farmers' homes, where they open cards, where cash comes out).

/// One place people live in and banks have branches in.
pub(crate) struct Place {
    /// GB/T 2260 code (prefecture level; the four municipalities at province level).
    pub code: u32,
    /// Relative share of the population living there (rough, for sampling only).
    pub weight: u32,
    /// Price level: 1 for the largest cities, 3 for smaller ones (scales salaries and rents).
    pub tier: u8,
}

const fn place(code: u32, weight: u32, tier: u8) -> Place {
    Place { code, weight, tier }
}

/// Every place the scenario uses; indices into this table are the `u8` place ids used elsewhere.
pub(crate) const PLACES: [Place; 34] = [
    place(110_000, 22, 1), // Beijing
    place(310_000, 25, 1), // Shanghai
    place(120_000, 14, 2), // Tianjin
    place(500_000, 32, 2), // Chongqing
    place(440_100, 19, 1), // Guangzhou
    place(440_300, 18, 1), // Shenzhen
    place(441_900, 10, 2), // Dongguan
    place(440_600, 9, 2),  // Foshan
    place(445_200, 6, 3),  // Jieyang
    place(150_100, 3, 3),  // Hohhot
    place(150_200, 3, 3),  // Baotou
    place(230_100, 10, 2), // Harbin
    place(210_100, 9, 2),  // Shenyang
    place(420_100, 13, 2), // Wuhan
    place(421_000, 5, 3),  // Jingzhou
    place(420_500, 4, 3),  // Yichang
    place(420_600, 5, 3),  // Xiangyang
    place(320_100, 9, 2),  // Nanjing
    place(320_500, 13, 2), // Suzhou
    place(320_200, 7, 2),  // Wuxi
    place(430_100, 10, 2), // Changsha
    place(430_400, 6, 3),  // Hengyang
    place(430_200, 4, 3),  // Zhuzhou
    place(140_100, 5, 3),  // Taiyuan
    place(510_100, 21, 2), // Chengdu
    place(330_100, 12, 2), // Hangzhou
    place(350_100, 8, 2),  // Fuzhou
    place(370_100, 9, 2),  // Jinan
    place(610_100, 13, 2), // Xi'an
    place(410_100, 13, 2), // Zhengzhou
    place(340_100, 9, 2),  // Hefei
    place(360_100, 6, 3),  // Nanchang
    place(530_100, 8, 3),  // Kunming
    place(450_100, 8, 3),  // Nanning
];

/// The place id of a code in [`PLACES`]; a code missing from the table fails the build.
const fn ix(code: u32) -> u8 {
    let mut i = 0;
    while i < PLACES.len() {
        if PLACES[i].code == code {
            return i as u8;
        }
        i += 1;
    }
    panic!("place code missing from PLACES")
}

/// Province part of a place (first two digits), to tell "far from home".
pub(crate) fn province(place: u8) -> u32 {
    PLACES[usize::from(place)].code / 10_000
}

/// Guangdong places; the China Southern Grid serves them instead of the State Grid.
pub(crate) fn in_guangdong(place: u8) -> bool {
    province(place) == 44
}

/// Where card farmers live (the seed case: a man from Hubei).
pub(crate) const FARMER_HOMES: [u8; 4] = [ix(420_100), ix(421_000), ix(420_500), ix(420_600)];

/// Where card farmers and bought-account sellers open cards: Jiangsu and Hunan (seed case), Inner
/// Mongolia and Heilongjiang (cards later cashed out in Guangdong), Shanxi.
pub(crate) const CARD_OPENING_CITIES: [u8; 9] = [
    ix(320_100),
    ix(320_500),
    ix(320_200),
    ix(430_100),
    ix(430_400),
    ix(150_100),
    ix(150_200),
    ix(230_100),
    ix(140_100),
];

/// Where students recruited to rent out their cards study.
pub(crate) const COLLEGE_CITIES: [u8; 6] =
    [ix(420_100), ix(430_100), ix(510_100), ix(610_100), ix(140_100), ix(230_100)];

/// Where the mule network's operators sit and take cash out of ATMs (Shenzhen, Dongguan, Jieyang).
pub(crate) const CASH_OUT_CITIES: [u8; 3] = [ix(440_300), ix(441_900), ix(445_200)];

/// Seats of the nationwide companies (payment firm, e-commerce platform, supermarket chain,
/// utilities).
pub(crate) const BEIJING: u8 = ix(110_000);
/// Shanghai.
pub(crate) const SHANGHAI: u8 = ix(310_000);
/// Shenzhen.
pub(crate) const SHENZHEN: u8 = ix(440_300);
/// Guangzhou.
pub(crate) const GUANGZHOU: u8 = ix(440_100);
/// Hangzhou.
pub(crate) const HANGZHOU: u8 = ix(330_100);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_valid_and_include_the_required_ones() {
        let mut codes: Vec<u32> = PLACES.iter().map(|p| p.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), PLACES.len());
        for code in &codes {
            assert!(fanzha_model::Region::new(*code).is_some(), "{code}");
        }
        for required in [
            110_000, 310_000, 440_100, 440_300, 441_900, 445_200, 150_100, 230_100, 420_100, 421_000, 320_100, 320_500,
            430_100, 430_400, 140_100, 510_100, 330_100, 350_100, 370_100, 610_100,
        ] {
            assert!(codes.contains(&required), "{required}");
        }
    }

    #[test]
    fn card_farming_and_cash_out_happen_far_from_home() {
        for home in FARMER_HOMES {
            for city in CARD_OPENING_CITIES.iter().chain(&CASH_OUT_CITIES) {
                assert_ne!(province(home), province(*city));
            }
        }
        for city in CARD_OPENING_CITIES.iter().chain(&COLLEGE_CITIES) {
            assert!(!in_guangdong(*city));
        }
        assert!(CASH_OUT_CITIES.iter().all(|c| in_guangdong(*c)));
    }
}
