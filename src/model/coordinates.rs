//! Where on Earth: a latitude and a longitude in degrees.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A point on Earth, written `(latitude, longitude)` in degrees: `at: (38.54, 68.78)`
/// is Dushanbe. Single precision keeps a million events small and still places a
/// point within a metre.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "(f32, f32)", into = "(f32, f32)")]
pub struct Coordinates(pub f32, pub f32);

/// Written as a bare pair, `(38.54, 68.78)`, whatever the writer's naming of structs.
impl From<(f32, f32)> for Coordinates {
    fn from((lat, lon): (f32, f32)) -> Coordinates {
        Coordinates(lat, lon)
    }
}

impl From<Coordinates> for (f32, f32) {
    fn from(Coordinates(lat, lon): Coordinates) -> (f32, f32) {
        (lat, lon)
    }
}

impl Coordinates {
    /// Degrees north of the equator, -90 to 90.
    pub fn lat(self) -> f32 {
        self.0
    }

    /// Degrees east of Greenwich, -180 to 180.
    pub fn lon(self) -> f32 {
        self.1
    }

    /// What is wrong with the point, if anything: a latitude beyond the poles,
    /// a longitude beyond the antimeridian, or a number that is not one.
    pub fn problem(self) -> Option<String> {
        let Coordinates(lat, lon) = self;
        if !lat.is_finite() || !lon.is_finite() {
            Some(format!("coordinates ({lat}, {lon}) are not numbers"))
        } else if !(-90.0..=90.0).contains(&lat) {
            Some(format!("latitude {lat} is beyond the poles (-90 to 90)"))
        } else if !(-180.0..=180.0).contains(&lon) {
            Some(format!("longitude {lon} is beyond -180 to 180"))
        } else {
            None
        }
    }
}

impl std::str::FromStr for Coordinates {
    type Err = String;

    /// Reads `38.54, 68.78` (latitude, longitude), with or without parentheses.
    fn from_str(text: &str) -> Result<Coordinates, String> {
        let inner = text.trim().trim_start_matches('(').trim_end_matches(')');
        let number = |part: Option<&str>| part.map(str::trim).and_then(|p| p.parse::<f32>().ok());
        let mut parts = inner.split(',');
        let (Some(lat), Some(lon), None) =
            (number(parts.next()), number(parts.next()), parts.next())
        else {
            return Err(format!(
                "{:?} is not a latitude and a longitude such as 38.54, 68.78",
                text.trim()
            ));
        };
        let at = Coordinates(lat, lon);
        at.problem().map_or(Ok(at), Err)
    }
}

impl fmt::Display for Coordinates {
    /// `38.54° N, 68.78° E`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (lat, lon) = (self.lat(), self.lon());
        let ns = if lat < 0.0 { 'S' } else { 'N' };
        let ew = if lon < 0.0 { 'W' } else { 'E' };
        write!(f, "{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_beyond_the_globe_are_named() {
        assert_eq!(Coordinates(38.54, 68.78).problem(), None);
        assert!(
            Coordinates(95.0, 0.0)
                .problem()
                .unwrap()
                .contains("latitude 95")
        );
        assert!(
            Coordinates(0.0, -181.0)
                .problem()
                .unwrap()
                .contains("longitude -181")
        );
        assert!(Coordinates(f32::NAN, 0.0).problem().is_some());
        assert_eq!(
            Coordinates(-33.87, -70.65).to_string(),
            "33.87° S, 70.65° W"
        );
    }

    #[test]
    fn typed_coordinates_are_read_and_checked() {
        assert_eq!("38.54, 68.78".parse(), Ok(Coordinates(38.54, 68.78)));
        assert_eq!("(38.54,68.78)".parse(), Ok(Coordinates(38.54, 68.78)));
        assert!(
            "38.54"
                .parse::<Coordinates>()
                .unwrap_err()
                .contains("not a latitude")
        );
        assert!("1, 2, 3".parse::<Coordinates>().is_err());
        assert!(
            "91, 0"
                .parse::<Coordinates>()
                .unwrap_err()
                .contains("beyond the poles")
        );
    }

    #[test]
    fn ron_writes_a_pair() {
        let text = ron::to_string(&Coordinates(38.54, 68.78)).unwrap();
        assert_eq!(text, "(38.54,68.78)");
        let back: Coordinates = ron::from_str("(38.54, 68.78)").unwrap();
        assert_eq!(back, Coordinates(38.54, 68.78));
    }
}
