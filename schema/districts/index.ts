/** What other modules' types may use of districts. */
export { DistrictType } from './district.type';
