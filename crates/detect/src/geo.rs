//! Rough distances between provinces: great-circle kilometres between provincial capitals, enough
//! to tell "cash taken out 1,200 km from where the card was opened" from "in the next town".

use fanzha_model::Region;

/// Latitude and longitude of each province-level capital, by the first two digits of the code.
const CAPITALS: &[(u32, f64, f64)] = &[
    (11, 39.90, 116.40), // 北京
    (12, 39.13, 117.20), // 天津
    (13, 38.04, 114.51), // 河北 石家庄
    (14, 37.87, 112.55), // 山西 太原
    (15, 40.84, 111.75), // 内蒙古 呼和浩特
    (21, 41.80, 123.43), // 辽宁 沈阳
    (22, 43.82, 125.32), // 吉林 长春
    (23, 45.80, 126.53), // 黑龙江 哈尔滨
    (31, 31.23, 121.47), // 上海
    (32, 32.06, 118.80), // 江苏 南京
    (33, 30.27, 120.16), // 浙江 杭州
    (34, 31.82, 117.23), // 安徽 合肥
    (35, 26.07, 119.30), // 福建 福州
    (36, 28.68, 115.86), // 江西 南昌
    (37, 36.65, 117.12), // 山东 济南
    (41, 34.75, 113.63), // 河南 郑州
    (42, 30.59, 114.31), // 湖北 武汉
    (43, 28.23, 112.94), // 湖南 长沙
    (44, 23.13, 113.26), // 广东 广州
    (45, 22.82, 108.37), // 广西 南宁
    (46, 20.04, 110.20), // 海南 海口
    (50, 29.56, 106.55), // 重庆
    (51, 30.57, 104.07), // 四川 成都
    (52, 26.65, 106.63), // 贵州 贵阳
    (53, 25.04, 102.71), // 云南 昆明
    (54, 29.65, 91.13),  // 西藏 拉萨
    (61, 34.34, 108.94), // 陕西 西安
    (62, 36.06, 103.83), // 甘肃 兰州
    (63, 36.62, 101.78), // 青海 西宁
    (64, 38.49, 106.23), // 宁夏 银川
    (65, 43.83, 87.62),  // 新疆 乌鲁木齐
    (71, 25.03, 121.57), // 台湾 台北
    (81, 22.32, 114.17), // 香港
    (82, 22.20, 113.54), // 澳门
];

fn capital(region: Region) -> Option<(f64, f64)> {
    let province = region.code() / 10_000;
    CAPITALS.iter().find(|c| c.0 == province).map(|c| (c.1, c.2))
}

/// Kilometres between the capitals of the provinces of `a` and `b` (0 within one province);
/// `None` for a code whose province is unknown.
pub fn province_km(a: Region, b: Region) -> Option<f64> {
    let ((lat1, lon1), (lat2, lon2)) = (capital(a)?, capital(b)?);
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    Some(2.0 * 6371.0 * h.sqrt().asin())
}

/// The province code (first two digits) of a holder's resident identity number as its masked form
/// keeps it (`4201**********1234`): where the holder's household was registered.
pub fn home_province(masked_identity: &str) -> Option<Region> {
    let head = masked_identity.get(..4)?;
    if masked_identity.chars().count() != 18 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code: u32 = head.parse().ok()?;
    Region::new(code * 100).map(Region::province)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(code: u32) -> Region {
        Region::new(code).unwrap()
    }

    #[test]
    fn distances_between_capitals() {
        assert_eq!(province_km(r(440300), r(440100)), Some(0.0));
        let wuhan_guangzhou = province_km(r(420100), r(440300)).unwrap();
        assert!((800.0..900.0).contains(&wuhan_guangzhou), "{wuhan_guangzhou}");
        let urumqi_shanghai = province_km(r(650100), r(310100)).unwrap();
        assert!(urumqi_shanghai > 3000.0);
    }

    #[test]
    fn home_from_masked_identity() {
        assert_eq!(home_province("4201**********1234"), Some(r(420000)));
        assert_eq!(home_province("9144**********675R"), None);
        assert_eq!(home_province("A****3"), None);
    }
}
